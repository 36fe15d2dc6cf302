using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Referrals.Intake.Close;
using Referrals.Intake.Events;
using Referrals.Intake.Read;
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
        builder.Services.AddSingleton(CreateStore);
        // The outbox sweeper finds the referrals collection through this (and its resolution at start creates the indexes).
        builder.Services.AddSingleton<IOutboxSource>(services => services.GetRequiredService<IReferralStore>().Outbox);
        builder.Services.AddSingleton<ReferralMessages>();
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
        referrals.MapGetReferral();
        referrals.MapWithdrawReferral();
        referrals.MapCloseReferral();
        return app;
    }

    private static IReferralStore CreateStore(IServiceProvider services)
    {
        var connectionString = services.GetRequiredService<IOptions<IntakeStoreOptions>>().Value.ConnectionString;
        return StoreConnection.IsMongo(connectionString)
            ? new MongoReferralStore(services.GetRequiredService<MongoClients>().Database(connectionString))
            : new SqliteReferralStore(new SqliteDatabase(connectionString));
    }
}
