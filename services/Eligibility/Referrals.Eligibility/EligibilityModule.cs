using Referrals.Messaging;

namespace Referrals.Eligibility;

/// <summary>The Eligibility service's parts, added by its own host and by the embedded default alike.</summary>
public static class EligibilityModule
{
    public static IHostApplicationBuilder AddEligibility(this IHostApplicationBuilder builder)
    {
        builder.Services.AddMessageConsumers(typeof(EligibilityModule).Assembly);
        return builder;
    }

    public static IEndpointRouteBuilder MapEligibility(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
