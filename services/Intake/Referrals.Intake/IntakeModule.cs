using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Referrals.Intake.Audit;
using Referrals.Intake.Close;
using Referrals.Intake.Events;
using Referrals.Intake.Export;
using Referrals.Intake.Http;
using Referrals.Intake.Protection;
using Referrals.Intake.Read;
using Referrals.Intake.Report;
using Referrals.Intake.Retention;
using Referrals.Intake.Search;
using Referrals.Intake.Store;
using Referrals.Intake.Submit;
using Referrals.Intake.Withdraw;
using Referrals.Messaging;
using Referrals.Messaging.Documents;
using Referrals.Messaging.Outbox;
using Referrals.ServiceDefaults;

namespace Referrals.Intake;

/// <summary>The Intake service's parts, added by its own host and by the embedded default alike.</summary>
public static class IntakeModule
{
    public static IHostApplicationBuilder AddIntake(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IntakeStoreOptions>()
            .Configure<IConfiguration>((options, configuration) =>
                options.ConnectionString = configuration.GetConnectionString(IntakeStoreOptions.ConnectionStringName) ?? "")
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<IntakeProtectionOptions>()
            .Bind(builder.Configuration.GetSection(IntakeProtectionOptions.Section))
            .PostConfigure<IOptions<IntakeStoreOptions>>(UseKeyFileWhenEmbedded)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<RetentionOptions>()
            .Bind(builder.Configuration.GetSection(RetentionOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(CreateStore);
        builder.Services.AddSingleton(CreateAuditTrail);
        // The outbox sweeper finds the referrals collection through this.
        builder.Services.AddSingleton<IOutboxSource, DeferredOutboxSource>();
        builder.Services.AddSingleton<PersonalDataProtector>();
        builder.Services.AddSingleton<AuditRecorder>();
        builder.Services.AddSingleton<ReferralMessages>();
        builder.Services.AddScoped<ReferralCommand>();
        builder.Services.AddSingleton<ReferralAnonymiser>();
        builder.Services.AddHostedService<RetentionService>();
        builder.Services.AddHealthChecks().AddCheck<IntakeStoreHealthCheck>("intake-store", tags: [ServiceDefaultsExtensions.ReadyTag]);
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            // The embedded host runs every module in one process: add the converter once.
            if (!options.SerializerOptions.Converters.OfType<JsonStringEnumConverter>().Any())
            {
                options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            }
        });
        builder.Services.AddMessageConsumers(typeof(IntakeModule).Assembly);
        return builder;
    }

    public static IEndpointRouteBuilder MapIntake(this IEndpointRouteBuilder app)
    {
        var referrals = app.MapGroup("/api/referrals").WithTags("Referrals");
        referrals.MapSubmitReferral();
        referrals.MapListReferrals();
        referrals.MapReferralReport();
        referrals.MapGetReferral();
        referrals.MapWithdrawReferral();
        referrals.MapCloseReferral();
        referrals.MapSearchReferrals();
        referrals.MapExportClient();
        referrals.MapQueryAudit();
        return app;
    }

    /// <summary>The embedded SQLite store may run without configured keys: it gets a generated key file beside the database.</summary>
    private static void UseKeyFileWhenEmbedded(IntakeProtectionOptions protection, IOptions<IntakeStoreOptions> store)
    {
        var connectionString = store.Value.ConnectionString;
        if (protection.IsEmpty && !StoreConnection.IsMongo(connectionString))
        {
            // Without a connection string the store's own validation stops the start; keys kept in memory only then.
            ProtectionKeyFile.LoadOrCreate(
                protection, string.IsNullOrWhiteSpace(connectionString) ? null : ProtectionKeyFile.PathFor(connectionString));
        }
    }

    private static IReferralStore CreateStore(IServiceProvider services)
    {
        var connectionString = services.GetRequiredService<IOptions<IntakeStoreOptions>>().Value.ConnectionString;
        return StoreConnection.IsMongo(connectionString)
            ? new MongoReferralStore(services.GetRequiredService<MongoClients>().Database(connectionString))
            : new SqliteReferralStore(new SqliteDatabase(connectionString));
    }

    private static IAuditTrail CreateAuditTrail(IServiceProvider services)
    {
        var connectionString = services.GetRequiredService<IOptions<IntakeStoreOptions>>().Value.ConnectionString;
        return StoreConnection.IsMongo(connectionString)
            ? new MongoAuditTrail(services.GetRequiredService<MongoClients>().Database(connectionString))
            : new SqliteAuditTrail(new SqliteDatabase(connectionString));
    }
}
