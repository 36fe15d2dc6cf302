using System.Reflection;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Referrals.Messaging.Bus;
using Referrals.Messaging.Documents;
using Referrals.Messaging.Outbox;

namespace Referrals.Messaging;

public static class MessagingExtensions
{
    /// <summary>Adds an assembly's consumers to the bus <see cref="AddMessaging"/> will build.</summary>
    public static IServiceCollection AddMessageConsumers(this IServiceCollection services, Assembly assembly)
    {
        if (!services.Any(d => d.ImplementationInstance is ConsumerAssembly c && c.Assembly == assembly))
        {
            services.AddSingleton(new ConsumerAssembly(assembly));
        }

        return services;
    }

    /// <summary>
    /// The bus (RabbitMQ, or in-memory for the embedded default), kebab-case service-prefixed endpoints, the outbox
    /// publisher and its sweeper. Call after every service has added its consumers.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MessagingOptions>()
            .Bind(builder.Configuration.GetSection(MessagingOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new();
        var rabbit = builder.Configuration.GetConnectionString("RabbitMq");
        if (options.Transport == MessagingTransport.RabbitMq && string.IsNullOrWhiteSpace(rabbit))
        {
            throw new InvalidOperationException(
                "ConnectionStrings:RabbitMq is required when Messaging:Transport is RabbitMq (e.g. amqp://guest:guest@localhost:5672/).");
        }

        var assemblies = builder.Services
            .Select(d => d.ImplementationInstance)
            .OfType<ConsumerAssembly>()
            .Select(c => c.Assembly)
            .Distinct()
            .ToArray();

        MessageCorrelations.UseReferralIds();
        builder.Services.TryAddTimeProvider();
        builder.Services.AddSingleton<MongoClients>();
        builder.Services.AddSingleton<OutboxPublisher>();
        builder.Services.AddHostedService<OutboxSweeper>();
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new ServiceEndpointNameFormatter());
            bus.AddConsumers(assemblies);
            if (options.Transport == MessagingTransport.InMemory)
            {
                bus.UsingInMemory((context, cfg) =>
                {
                    cfg.ConcurrentMessageLimit = options.ConcurrentMessageLimit;
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(new Uri(rabbit!), host => host.PublisherConfirmation = true);
                    cfg.PrefetchCount = options.PrefetchCount;
                    cfg.ConcurrentMessageLimit = options.ConcurrentMessageLimit;
                    cfg.ConfigureEndpoints(context);
                });
            }
        });
        return builder;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
