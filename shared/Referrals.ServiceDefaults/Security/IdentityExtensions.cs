using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Referrals.ServiceDefaults.Security;

/// <summary>
/// JWT bearer validation, the same in the gateway and in every service (each checks the token again: the gateway is
/// not the only way in). Every endpoint needs an authenticated caller unless it says <c>AllowAnonymous</c>.
/// </summary>
public static class IdentityExtensions
{
    public static IHostApplicationBuilder AddIdentity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IdentityOptions>()
            .Bind(builder.Configuration.GetSection(IdentityOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<IdentityOptions>>((jwt, identity) => Configure(jwt, identity.Value));
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddRolePolicy(Roles.SocialWorker)
            .AddRolePolicy(Roles.ProviderStaff)
            .AddRolePolicy(Roles.Coordinator)
            .AddRolePolicy(Roles.Administrator);
        return builder;
    }

    private static AuthorizationBuilder AddRolePolicy(this AuthorizationBuilder builder, string role) =>
        builder.AddPolicy(role, policy => policy.RequireAuthenticatedUser().RequireRole(role));

    private static void Configure(JwtBearerOptions jwt, IdentityOptions identity)
    {
        // Keep the token's own claim names (sub, role, municipality…) instead of the WS-* URIs.
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidAudience = identity.Audience,
            NameClaimType = ReferralsClaims.Subject,
            RoleClaimType = identity.RoleClaim,
            ClockSkew = TimeSpan.FromSeconds(30),
        };
        if (identity.Mode == IdentityMode.Development)
        {
            jwt.TokenValidationParameters.ValidIssuer = DevelopmentTokens.Issuer;
            jwt.TokenValidationParameters.IssuerSigningKey = DevelopmentTokens.Key(identity);
        }
        else
        {
            jwt.Authority = identity.Authority;
            jwt.Audience = identity.Audience;
            jwt.RequireHttpsMetadata = identity.RequireHttpsMetadata;
        }
    }
}
