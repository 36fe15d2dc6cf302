using Referrals.Messaging;

namespace Referrals.Notification;

/// <summary>The Notification service's parts, added by its own host and by the embedded default alike.</summary>
public static class NotificationModule
{
    public static IHostApplicationBuilder AddNotification(this IHostApplicationBuilder builder)
    {
        builder.Services.AddMessageConsumers(typeof(NotificationModule).Assembly);
        return builder;
    }

    public static IEndpointRouteBuilder MapNotification(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
