using Referrals.Messaging;
using Referrals.Messaging.Documents;
using Referrals.Messaging.Outbox;
using Referrals.ProviderDirectory.Hsds;
using Referrals.ProviderDirectory.Offers;
using Referrals.ProviderDirectory.Organisations;
using Referrals.ProviderDirectory.ProviderServices;
using Referrals.ProviderDirectory.Requests;
using Referrals.ProviderDirectory.Seed;
using Referrals.ProviderDirectory.Store;
using Referrals.ServiceDefaults;

namespace Referrals.ProviderDirectory;

/// <summary>The ProviderDirectory service's parts, added by its own host and by the embedded default alike.</summary>
public static class ProviderDirectoryModule
{
    public static IHostApplicationBuilder AddProviderDirectory(this IHostApplicationBuilder builder)
    {
        builder.Services.AddMessageConsumers(typeof(ProviderDirectoryModule).Assembly);
        builder.Services.AddProviderDirectoryCore();
        builder.Services.AddHealthChecks()
            .AddCheck<DirectoryStoreHealthCheck>("providerdirectory-store", tags: [ServiceDefaultsExtensions.ReadyTag]);
        return builder;
    }

    /// <summary>Options, store and the directory's services; also what consumer tests build on.</summary>
    public static IServiceCollection AddProviderDirectoryCore(this IServiceCollection services)
    {
        services.AddOptions<ProviderDirectoryOptions>()
            .BindConfiguration(ProviderDirectoryOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.DemoDirectoryFile), "ProviderDirectory:DemoDirectoryFile must not be empty.")
            .ValidateOnStart();
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }

        services.AddSingleton<IDirectoryStore>(sp =>
        {
            var connectionString = sp.GetRequiredService<IConfiguration>().GetConnectionString(ProviderDirectoryOptions.ConnectionStringName);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    $"ConnectionStrings:{ProviderDirectoryOptions.ConnectionStringName} is required (a SQLite connection string or a mongodb:// URL).");
            }

            return StoreConnection.IsMongo(connectionString)
                ? new MongoDirectoryStore(sp.GetRequiredService<MongoClients>().Database(connectionString))
                : new SqliteDirectoryStore(connectionString);
        });
        services.AddSingleton<IOutboxSource>(sp => sp.GetRequiredService<IDirectoryStore>().Organisations);
        services.AddSingleton<IOutboxSource>(sp => sp.GetRequiredService<IDirectoryStore>().Services);
        services.AddSingleton<IOutboxSource>(sp => sp.GetRequiredService<IDirectoryStore>().Requests);
        services.AddSingleton<IOutboxSource>(sp => sp.GetRequiredService<IDirectoryStore>().Offers);
        services.AddSingleton<PlacementPlanner>();
        services.AddSingleton<RequestPublishing>();
        services.AddSingleton<ServicePublishing>();
        services.AddSingleton<OrganisationWriter>();
        services.AddSingleton<DecideOffer>();
        services.AddSingleton<RegisterLoader>();
        services.AddSingleton<Hsds.DirectoryTaxonomies>();
        services.AddSingleton<Hsds.HsdsMapper>();
        services.AddHostedService<DemoDirectorySeeder>();
        return services;
    }

    public static IEndpointRouteBuilder MapProviderDirectory(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/providers").WithTags("Provider directory");
        group.MapOrganisations();
        group.MapHsds();
        group.MapCapacity();
        group.MapOwnServices();
        group.MapPlacementRequests();
        group.MapOfferQueries();
        group.MapAcceptOffer();
        group.MapDeclineOffer();
        return app;
    }
}
