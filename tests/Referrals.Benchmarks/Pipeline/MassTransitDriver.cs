using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Messaging.Bus;

namespace Referrals.Benchmarks.Pipeline;

/// <summary>
/// The production path: a MassTransit RabbitMQ bus configured like <c>MessagingExtensions.AddMessaging</c> (publisher
/// confirmation, PrefetchCount, ConcurrentMessageLimit, a consumer definition with the standard retry), publishing with
/// <c>IPublishEndpoint.Publish</c> and consuming through a scoped consumer.
/// </summary>
internal sealed class MassTransitDriver(Uri url, ConsumeCounter counter, PipelineSettings settings) : IPipelineDriver
{
    public ConsumeCounter Counter => counter;

    private ServiceProvider? _provider;
    private IBusControl? _bus;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(counter);
        services.AddMassTransit(bus =>
        {
            bus.AddConsumer<BenchConsumer, BenchConsumerDefinition>();
            bus.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(url, host => host.PublisherConfirmation = true);
                cfg.PrefetchCount = settings.PrefetchCount;
                cfg.ConcurrentMessageLimit = settings.ConcurrentMessageLimit;
                cfg.ConfigureEndpoints(context);
            });
        });
        _provider = services.BuildServiceProvider();
        _bus = _provider.GetRequiredService<IBusControl>();
        await _bus.StartAsync(cancellationToken);
    }

    public Task PublishAsync(BenchMessage message, CancellationToken cancellationToken) => _bus!.Publish(message, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_bus is not null)
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _bus.StopAsync(stop.Token);
        }

        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }
}

public sealed class BenchConsumer(ConsumeCounter counter) : IConsumer<BenchMessage>
{
    public Task Consume(ConsumeContext<BenchMessage> context) => counter.ConsumedAsync().AsTask();
}

public sealed class BenchConsumerDefinition : ConsumerDefinition<BenchConsumer>
{
    public BenchConsumerDefinition() => EndpointName = "bench-masstransit";

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<BenchConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(Retries.Standard);
}
