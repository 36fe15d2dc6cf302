namespace Referrals.EndToEnd.Tests.Telemetry;

/// <summary>
/// The distributed system with every process exporting traces, logs and metrics over OTLP/HTTP protobuf to an
/// in-test <see cref="OtlpReceiver"/> (short export intervals), and logging at Information, the Referrals namespaces
/// at Debug, to its standard output, which <see cref="Referrals.Testing.ServiceProcess"/> keeps line by line.
/// </summary>
public sealed class TelemetryCapturingSystem : DistributedSystem
{
    public OtlpReceiver Receiver { get; } = new();

    protected override async ValueTask BeforeStartAsync() => await Receiver.StartAsync();

    protected override void Configure(string process, Dictionary<string, string> environment)
    {
        environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = Receiver.EndpointFor(process);
        environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        environment["OTEL_SERVICE_NAME"] = "referrals-" + process.ToLowerInvariant();
        environment["OTEL_BSP_SCHEDULE_DELAY"] = "200";
        environment["OTEL_BLRP_SCHEDULE_DELAY"] = "200";
        environment["OTEL_METRIC_EXPORT_INTERVAL"] = "500";
        environment["Logging__LogLevel__Default"] = "Information";
        environment["Logging__LogLevel__Referrals"] = "Debug";
        // Quiet hours would hold the SMS (and what is logged about sending it) until the morning.
        environment["Notification__QuietHoursStart"] = "00:00";
        environment["Notification__QuietHoursEnd"] = "00:00";
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
