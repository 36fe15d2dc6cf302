namespace Referrals.Standalone;

/// <summary>What a newcomer sees at the root: where the APIs are and how to try a referral.</summary>
internal static class Welcome
{
    public static IEndpointRouteBuilder MapWelcome(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => TypedResults.Ok(new
        {
            name = "Referrals",
            mode = "embedded",
            apis = new[] { "/api/referrals", "/api/eligibility/rules", "/api/providers/", "/api/providers/services", "/api/notifications?referralId=" },
            openapi = "/openapi/v1.json",
            health = new[] { "/health/live", "/health/ready" },
            tryIt = "See README.md, 'Try a referral'.",
        })).ExcludeFromDescription();
        return app;
    }
}
