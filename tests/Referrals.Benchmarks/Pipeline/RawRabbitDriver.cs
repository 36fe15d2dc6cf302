using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Referrals.Benchmarks.Pipeline;

/// <summary>
/// The baseline: RabbitMQ.Client 7 by hand with MassTransit's settings. Same broker topology as MassTransit builds
/// (message-type fanout exchange → endpoint fanout exchange → durable queue), persistent messages, publisher
/// confirmations tracked per publish with no extra limiter (as MassTransit creates its channels, so the outstanding
/// publishes are the callers'), prefetch, manual single acks, consumer dispatch concurrency = the concurrency limit.
/// The consumer deserialises the JSON before acknowledging, as MassTransit does.
/// </summary>
internal sealed class RawRabbitDriver(Uri url, ConsumeCounter counter, PipelineSettings settings) : IPipelineDriver
{
    private const string MessageExchange = "Referrals.Benchmarks.Pipeline:BenchMessage";
    private const string Queue = "bench-raw";

    public ConsumeCounter Counter => counter;

    private IConnection? _connection;
    private IChannel? _publish;
    private IChannel? _consume;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = url, ClientProvidedName = "referrals-bench-raw" };
        _connection = await factory.CreateConnectionAsync(cancellationToken);

        _publish = await _connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true, outstandingPublisherConfirmationsRateLimiter: null),
            cancellationToken);
        await _publish.ExchangeDeclareAsync(MessageExchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await _publish.ExchangeDeclareAsync(Queue, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await _publish.ExchangeBindAsync(destination: Queue, source: MessageExchange, routingKey: "", cancellationToken: cancellationToken);
        await _publish.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        await _publish.QueueBindAsync(Queue, Queue, routingKey: "", cancellationToken: cancellationToken);

        _consume = await _connection.CreateChannelAsync(
            new CreateChannelOptions(false, false, consumerDispatchConcurrency: checked((ushort)settings.ConcurrentMessageLimit)),
            cancellationToken);
        await _consume.BasicQosAsync(0, checked((ushort)settings.PrefetchCount), global: false, cancellationToken);
        var consumer = new AsyncEventingBasicConsumer(_consume);
        consumer.ReceivedAsync += OnReceivedAsync;
        await _consume.BasicConsumeAsync(Queue, autoAck: false, consumer, cancellationToken);
    }

    public async Task PublishAsync(BenchMessage message, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(message, BenchMessage.Json);
        var properties = new BasicProperties
        {
            Persistent = true,
            ContentType = "application/json",
            MessageId = message.Id.ToString(),
        };
        await _publish!.BasicPublishAsync(MessageExchange, routingKey: "", mandatory: false, properties, body, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in new[] { _consume, _publish })
        {
            if (channel is not null)
            {
                await CloseQuietlyAsync(channel.CloseAsync);
                await channel.DisposeAsync();
            }
        }

        if (_connection is not null)
        {
            await CloseQuietlyAsync(_connection.CloseAsync);
            await _connection.DisposeAsync();
        }
    }

    private static async Task CloseQuietlyAsync(Func<CancellationToken, Task> close)
    {
        try
        {
            await close(CancellationToken.None);
        }
        catch (Exception e) when (e is AlreadyClosedException or OperationInterruptedException)
        {
            // a broken run: the report already says why
        }
    }

    private async Task OnReceivedAsync(object sender, BasicDeliverEventArgs delivery)
    {
        _ = JsonSerializer.Deserialize<BenchMessage>(delivery.Body.Span, BenchMessage.Json)
            ?? throw new InvalidOperationException("empty message");
        await counter.ConsumedAsync();
        await _consume!.BasicAckAsync(delivery.DeliveryTag, multiple: false, delivery.CancellationToken);
    }
}
