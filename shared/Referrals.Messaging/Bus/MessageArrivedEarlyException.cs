namespace Referrals.Messaging.Bus;

/// <summary>
/// A message overtook the one it builds on (they travel on separate queues with no order between them; after a broker
/// restart one queue can lag another). <see cref="Retries"/> keeps such a message longer than a failure.
/// </summary>
public abstract class MessageArrivedEarlyException(string message) : Exception(message);
