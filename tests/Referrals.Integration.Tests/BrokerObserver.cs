using System.Collections.Concurrent;
using MassTransit;

namespace Referrals.Integration.Tests;

/// <summary>A bus of the test's own on the same virtual host: publishes like a service would and records what it hears.</summary>
public sealed class BrokerObserver : IAsyncDisposable
{
    private readonly IBusControl _bus;

    private BrokerObserver(IBusControl bus) => _bus = bus;

    public ConcurrentQueue<ConsumeContext> Received { get; } = new();

    public IPublishEndpoint Publisher => _bus;

    public static async Task<BrokerObserver> StartAsync<T>(string rabbitMq)
        where T : class
    {
        BrokerObserver? observer = null;
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(new Uri(rabbitMq));
            cfg.ReceiveEndpoint($"test-observer-{Guid.NewGuid():N}", endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Durable = false;
                endpoint.Handler<T>(context =>
                {
                    observer!.Received.Enqueue(context);
                    return Task.CompletedTask;
                });
            });
        });
        observer = new BrokerObserver(bus);
        await bus.StartAsync();
        return observer;
    }

    public IEnumerable<ConsumeContext<T>> Of<T>()
        where T : class => Received.OfType<ConsumeContext<T>>();

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
