using Microsoft.Extensions.Options;
using Referrals.Messaging;
using Referrals.Messaging.Documents;
using Referrals.Messaging.Outbox;
using Referrals.Notification.Api;
using Referrals.Notification.Sending;
using Referrals.Notification.Store;
using Referrals.ServiceDefaults;

namespace Referrals.Notification;

/// <summary>The Notification service's parts, added by its own host and by the embedded default alike.</summary>
public static class NotificationModule
{
    public static IHostApplicationBuilder AddNotification(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddMessageConsumers(typeof(NotificationModule).Assembly);

        services.AddOptions<NotificationOptions>()
            .Bind(builder.Configuration.GetSection(NotificationOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<NotificationStoreOptions>()
            .Configure<IConfiguration>((options, configuration) =>
                options.ConnectionString = configuration.GetConnectionString(NotificationStoreOptions.ConnectionStringName) ?? "")
            .Validate(options => options.IsValid(),
                "ConnectionStrings:NotificationStore must be a SQLite connection string (Data Source=data/notification.db) "
                + "or a MongoDB URL naming the database (mongodb://host/notification).")
            .ValidateOnStart();

        // Built on first use from the validated options, so configuration added by a test host is honoured.
        services.AddSingleton<INotificationStore>(provider =>
        {
            var connectionString = provider.GetRequiredService<IOptions<NotificationStoreOptions>>().Value.ConnectionString;
            return StoreConnection.IsMongo(connectionString)
                ? new MongoNotificationStore(provider.GetRequiredService<MongoClients>().Database(connectionString))
                : new SqliteNotificationStore(connectionString);
        });
        services.AddSingleton<IOutboxSource>(provider => provider.GetRequiredService<INotificationStore>().Contacts);
        services.AddSingleton<IOutboxSource>(provider => provider.GetRequiredService<INotificationStore>().Messages);
        services.AddHostedService<NotificationStoreStartup>();
        services.AddHealthChecks()
            .AddCheck<NotificationStoreHealthCheck>("notification-store", tags: [ServiceDefaultsExtensions.ReadyTag]);

        services.AddSingleton<DevelopmentSmsSender>();
        services.AddSingleton<ISmsSender>(provider =>
            provider.GetRequiredService<IOptions<NotificationOptions>>().Value.Sender switch
            {
                SmsSenderKind.Development => provider.GetRequiredService<DevelopmentSmsSender>(),
                var other => throw new InvalidOperationException($"Notification:Sender {other} is not available."),
            });
        return builder;
    }

    public static IEndpointRouteBuilder MapNotification(this IEndpointRouteBuilder app)
    {
        var notifications = app.MapGroup("/api/notifications").WithTags("Notifications");
        notifications.MapGet("", ListNotifications.HandleAsync).WithName("ListNotifications");
        return app;
    }
}
