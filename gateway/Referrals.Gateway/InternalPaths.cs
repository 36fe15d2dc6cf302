namespace Referrals.Gateway;

/// <summary>
/// Endpoints that only the SMS gateway (Kannel) may call, directly on the notification service inside the network.
/// Through the public gateway they do not exist: otherwise anyone could fake delivery reports or opt a family out.
/// </summary>
internal static class InternalPaths
{
    public static readonly string[] Blocked =
    [
        "/api/notifications/delivery-reports",
        "/api/notifications/inbound-sms",
    ];

    public static IApplicationBuilder UseInternalPathBlocking(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (Blocked.Any(path => context.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase)))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context);
        });
}
