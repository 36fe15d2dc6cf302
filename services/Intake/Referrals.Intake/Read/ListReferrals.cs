using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.Contracts.Intake;
using Referrals.Intake.Access;
using Referrals.Intake.Http;
using Referrals.Intake.Store;
using Referrals.ServiceDefaults.Security;

namespace Referrals.Intake.Read;

/// <summary>
/// <c>GET /api/referrals?municipality=&amp;status=</c>: a worklist, newest first, without personal data. A social
/// worker sees their municipality, a coordinator the municipalities of their region; a filter naming any other
/// municipality is refused (403).
/// </summary>
public static class ListReferrals
{
    public const int Limit = 500;

    public static RouteHandlerBuilder MapListReferrals(this RouteGroupBuilder group) =>
        group.MapGet("", HandleAsync)
            .WithName("ListReferrals")
            .WithSummary("Referrals of the caller's municipality or region, by municipality and status (both optional), newest first")
            .RequireAuthorization(policy => policy.RequireRole(Roles.SocialWorker, Roles.Coordinator));

    public static async Task<Results<Ok<IReadOnlyList<ReferralSummary>>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string? municipality,
        string? status,
        HttpContext http,
        IReferralStore store,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var code = MunicipalityFilter.Parse(municipality, errors);
        ReferralStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            var name = Enum.GetNames<ReferralStatus>()
                .FirstOrDefault(n => string.Equals(n, status.Trim(), StringComparison.OrdinalIgnoreCase));
            if (name is not null)
            {
                wanted = Enum.Parse<ReferralStatus>(name);
            }
            else
            {
                errors.Add("status", $"Unknown status. Known: {string.Join(", ", Enum.GetNames<ReferralStatus>())}.");
            }
        }

        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        if (MunicipalityFilter.Scope(http.User.Actor(), code) is not { } scope)
        {
            return Problems.Forbidden("municipality", "You may only list the referrals of your own municipality or region.");
        }

        var referrals = await store.ListAsync(scope, wanted, Limit, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ReferralSummary>>(referrals.Select(ReferralSummary.From).ToList());
    }
}
