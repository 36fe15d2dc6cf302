using Microsoft.AspNetCore.Authorization;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Referrals.Eligibility.Assessments;
using Referrals.Eligibility.Check;
using Referrals.Eligibility.Deadlines;
using Referrals.Eligibility.RuleCatalogue;
using Referrals.Eligibility.Rules;
using Referrals.Eligibility.RuleSets;
using Referrals.Messaging;
using Referrals.Messaging.Documents;
using Referrals.Messaging.Outbox;
using Referrals.ServiceDefaults;
using Referrals.ServiceDefaults.Security;

namespace Referrals.Eligibility;

/// <summary>The Eligibility service's parts, added by its own host and by the embedded default alike.</summary>
public static class EligibilityModule
{
    public static IHostApplicationBuilder AddEligibility(this IHostApplicationBuilder builder)
    {
        builder.Services.AddMessageConsumers(typeof(EligibilityModule).Assembly);

        builder.Services.AddSingleton(_ => RuleSetCatalogue.LoadEmbedded());
        builder.Services.AddSingleton<RuleSetVersions>();
        builder.Services.AddSingleton<OverdueDecisions>();
        builder.Services.AddHostedService<OverdueDecisionsMonitor>();
        builder.Services.AddOptions<DecisionDeadlineOptions>()
            .BindConfiguration(DecisionDeadlineOptions.Section)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DecisionDeadlineOptions>, DecisionDeadlineOptionsValidator>();

        builder.Services.AddOptions<EligibilityStoreOptions>()
            .Configure<IConfiguration>((options, configuration) =>
                options.ConnectionString = configuration.GetConnectionString(EligibilityStoreOptions.ConnectionName) ?? "")
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<EligibilityStoreOptions>, EligibilityStoreOptionsValidator>();
        builder.Services.AddSingleton<IAssessmentStore>(CreateStore);
        builder.Services.AddSingleton<IRuleSetStore>(CreateRuleSetStore);
        builder.Services.AddSingleton<IOutboxSource>(sp => sp.GetRequiredService<IAssessmentStore>().Outbox);
        builder.Services.AddHostedService<EligibilityStartup>();
        builder.Services.AddHealthChecks()
            .AddCheck<AssessmentStoreHealthCheck>("eligibility-store", tags: [ServiceDefaultsExtensions.ReadyTag]);

        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            // API.md: enums travel as strings. Other modules in the embedded host may add the same converter.
            if (!options.SerializerOptions.Converters.OfType<JsonStringEnumConverter>().Any())
            {
                options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            }
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapEligibility(this IEndpointRouteBuilder app)
    {
        // Rules and the what-if check (which stores nothing) are for any signed-in user (the fallback policy);
        // publishing rules is the administrators'; assessments describe a client, so only the referral's tenant reads them.
        var eligibility = app.MapGroup("/api/eligibility").WithTags("Eligibility");
        eligibility.MapGet("/rules", ListRules.HandleAsync);
        eligibility.MapGet("/rulesets", ReadRuleSets.ListAsync);
        eligibility.MapGet("/rulesets/{version}", ReadRuleSets.GetAsync);
        eligibility.MapPost("/rulesets", PublishRuleSet.HandleAsync).Accepts<RuleSet>("application/json")
            .RequireAuthorization(Roles.Administrator);
        eligibility.MapPut("/rulesets", PublishRuleSet.HandleAsync).Accepts<RuleSet>("application/json")
            .RequireAuthorization(Roles.Administrator);
        eligibility.MapGet("/overdue", ListOverdue.HandleAsync)
            .RequireAuthorization(ReferralReaders);
        eligibility.MapPost("/check", CheckEligibility.HandleAsync)
            .Accepts<CheckEligibility.CheckRequest>("application/json");
        eligibility.MapGet("/assessments/{referralId:guid}", GetAssessment.HandleAsync)
            .RequireAuthorization(ReferralReaders);
        return app;
    }

    /// <summary>Social workers and coordinators: the roles that read referrals' assessments (each within their tenant).</summary>
    private static void ReferralReaders(AuthorizationPolicyBuilder policy) =>
        policy.RequireAuthenticatedUser().RequireRole(Roles.SocialWorker, Roles.Coordinator);

    private static IAssessmentStore CreateStore(IServiceProvider services)
    {
        var connectionString = services.GetRequiredService<IOptions<EligibilityStoreOptions>>().Value.ConnectionString;
        return StoreConnection.IsMongo(connectionString)
            ? new MongoAssessmentStore(services.GetRequiredService<MongoClients>().Database(connectionString))
            : new SqliteAssessmentStore(new SqliteDatabase(connectionString));
    }

    private static IRuleSetStore CreateRuleSetStore(IServiceProvider services)
    {
        var connectionString = services.GetRequiredService<IOptions<EligibilityStoreOptions>>().Value.ConnectionString;
        return StoreConnection.IsMongo(connectionString)
            ? new MongoRuleSetStore(services.GetRequiredService<MongoClients>().Database(connectionString))
            : new SqliteRuleSetStore(new SqliteDatabase(connectionString));
    }
}
