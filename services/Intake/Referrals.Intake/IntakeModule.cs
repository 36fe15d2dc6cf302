using Referrals.Messaging;

namespace Referrals.Intake;

/// <summary>The Intake service's parts, added by its own host and by the embedded default alike.</summary>
public static class IntakeModule
{
    public static IHostApplicationBuilder AddIntake(this IHostApplicationBuilder builder)
    {
        builder.Services.AddMessageConsumers(typeof(IntakeModule).Assembly);
        return builder;
    }

    public static IEndpointRouteBuilder MapIntake(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
