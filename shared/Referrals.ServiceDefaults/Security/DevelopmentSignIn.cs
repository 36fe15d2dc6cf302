using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Referrals.ServiceDefaults.Http;

namespace Referrals.ServiceDefaults.Security;

/// <summary>
/// <c>GET /auth/dev/users</c> and <c>POST /auth/dev/token</c>: the built-in sign-in of the embedded default and of
/// development runs. Mapped only in <see cref="IdentityMode.Development"/>; with an external identity provider these
/// paths do not exist.
/// </summary>
public static class DevelopmentSignIn
{
    public static IEndpointRouteBuilder MapDevelopmentSignIn(this IEndpointRouteBuilder app)
    {
        var identity = app.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>().Value;
        if (identity.Mode != IdentityMode.Development)
        {
            return app;
        }

        var group = app.MapGroup("/auth/dev").WithTags("Development sign-in").AllowAnonymous();
        group.MapGet("users", () => TypedResults.Ok(DemoUsers.All.Select(DemoUserView.From).ToList()))
            .WithSummary("The demo users one may sign in as");
        group.MapPost("token", IssueToken)
            .WithSummary("A bearer token for a demo user")
            .Accepts<DevelopmentTokenRequest>("application/json");
        return app;
    }

    private static async Task<Results<Ok<DevelopmentToken>, ValidationProblem>> IssueToken(
        HttpRequest http, IOptions<IdentityOptions> identity, TimeProvider time, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<DevelopmentTokenRequest>(http, cancellationToken);
        if (body.Errors is not null)
        {
            return TypedResults.ValidationProblem(body.Errors);
        }

        if (body.Value?.UserId is not { } id || DemoUsers.Find(id) is not { } user)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["userId"] = [$"Unknown demo user. Known: {string.Join(", ", DemoUsers.All.Select(u => u.Id))}."],
            });
        }

        var token = DevelopmentTokens.Create(identity.Value, user, time.GetUtcNow());
        return TypedResults.Ok(new DevelopmentToken(token, "Bearer", (int)identity.Value.TokenLifetime.TotalSeconds,
            DemoUserView.From(user)));
    }
}

public sealed record DevelopmentTokenRequest(string? UserId);

public sealed record DevelopmentToken(string AccessToken, string TokenType, int ExpiresIn, DemoUserView User);

public sealed record DemoUserView(string Id, string Name, string Role, string? Municipality, string? ProviderId, string? Region, string Description)
{
    public static DemoUserView From(DemoUser u) => new(u.Id, u.Name, u.Role, u.Municipality, u.ProviderId, u.Region, u.Description);
}
