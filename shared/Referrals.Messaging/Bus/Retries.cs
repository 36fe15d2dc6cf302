using MassTransit;

namespace Referrals.Messaging.Bus;

/// <summary>The retry schedule consumer definitions apply; after it a message goes to its <c>_error</c> queue.</summary>
public static class Retries
{
    public static void Standard(IRetryConfigurator retry) =>
        retry.Intervals(
            TimeSpan.FromMilliseconds(50),
            TimeSpan.FromMilliseconds(200),
            TimeSpan.FromMilliseconds(500),
            TimeSpan.FromSeconds(1),
            TimeSpan.FromSeconds(2),
            TimeSpan.FromSeconds(5));
}
