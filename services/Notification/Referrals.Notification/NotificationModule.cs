using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Referrals.Messaging;
using Referrals.Messaging.Documents;
using Referrals.Messaging.Outbox;
using Referrals.Notification.Api;
using Referrals.Notification.Contacts;
using Referrals.Notification.DeliveryReports;
using Referrals.Notification.QuietHours;
using Referrals.Notification.Sending;
using Referrals.Notification.Sending.Kannel;
using Referrals.Notification.Store;
using Referrals.ServiceDefaults;
using Referrals.ServiceDefaults.Security;

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
            .Validate(o => o.HasValidStatusLinkBaseUrl(), "Notification:StatusLinkBaseUrl must be empty or an absolute http(s) URL.")
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.QuietHoursTimeZone, out _),
                "Notification:QuietHoursTimeZone must be an IANA time zone known to this system, e.g. Europe/Riga.")
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
        AddKannel(builder);
        services.AddSingleton<ISmsSender>(provider =>
            provider.GetRequiredService<IOptions<NotificationOptions>>().Value.Sender switch
            {
                SmsSenderKind.Development => provider.GetRequiredService<DevelopmentSmsSender>(),
                SmsSenderKind.Kannel => provider.GetRequiredService<KannelSmsSender>(),
                var other => throw new InvalidOperationException($"Notification:Sender {other} is not available."),
            });
        services.AddSingleton<QuietHoursPolicy>();
        services.AddSingleton<SmsDispatcher>();
        services.AddSingleton<PendingSmsResender>();
        services.AddHostedService(provider => provider.GetRequiredService<PendingSmsResender>());
        return builder;
    }

    public static IEndpointRouteBuilder MapNotification(this IEndpointRouteBuilder app)
    {
        var notifications = app.MapGroup("/api/notifications").WithTags("Notifications");
        // Tenants (the referral's municipality, the coordinator's region) are checked by the handlers: 404 if foreign.
        notifications.MapGet("", ListNotifications.HandleAsync).WithName("ListNotifications")
            .RequireAuthorization(policy => policy.RequireRole(Roles.SocialWorker, Roles.Coordinator));
        notifications.MapPut("/contacts/{referralId}/opt-out", ContactPreferences.OptOutAsync).WithName("OptOut")
            .RequireAuthorization(Roles.SocialWorker);
        notifications.MapDelete("/contacts/{referralId}/opt-out", ContactPreferences.OptInAsync).WithName("OptIn")
            .RequireAuthorization(Roles.SocialWorker);

        // The family's SMS link: no account, an unguessable token, and only the status and the provider's contact.
        notifications.MapGet("/status/{token}", PublicStatus.HandleAsync).WithName("PublicStatus").AllowAnonymous();

        // Called by Kannel, which has no user token: the shared callback secret instead (and the gateway does not
        // route these paths from outside at all).
        var gateway = notifications.MapGroup("").AllowAnonymous().AddEndpointFilter<KannelCallbackSecret>();
        gateway.MapGet("/delivery-reports", DeliveryReportEndpoint.HandleAsync).WithName("KannelDeliveryReport");
        gateway.MapGet("/inbound-sms", ContactPreferences.InboundAsync).WithName("KannelInboundSms");
        return app;
    }

    /// <summary>
    /// The Kannel sender's options (validated at start only when it is selected) and its HttpClient, whose own pipeline
    /// (retry with back-off on 503 and connection errors, circuit breaker, timeout) replaces the service-wide default.
    /// </summary>
    private static void AddKannel(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<KannelOptions>()
            .Bind(builder.Configuration.GetSection(KannelOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<KannelOptions>, KannelOptionsValidator>();
        // The service-wide standard handler would retry 503 a second time around ours and hide the answer we map.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental; it is the documented way to replace the default.
        services.AddHttpClient<KannelSmsSender>()
            .RemoveAllResilienceHandlers()
#pragma warning restore EXTEXP0001
            .AddResilienceHandler("kannel", (pipeline, context) =>
            {
                var kannel = context.ServiceProvider.GetRequiredService<IOptions<KannelOptions>>().Value;
                pipeline.AddTimeout(kannel.Timeout * (kannel.RetryAttempts + 2));
                if (kannel.RetryAttempts > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        // Only what certainly did not reach Kannel: a timed-out or cut-off sendsms may have been taken.
                        ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                            .Handle<HttpRequestException>(KannelSmsSender.NeverReachedKannel)
                            .HandleResult(response => response.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable),
                        MaxRetryAttempts = kannel.RetryAttempts,
                        Delay = kannel.RetryDelay,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                    });
                }

                pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = 0.5,
                    MinimumThroughput = 4,
                    SamplingDuration = TimeSpan.FromSeconds(30),
                    BreakDuration = kannel.BreakDuration,
                });
                pipeline.AddTimeout(kannel.Timeout);
            });
    }
}
