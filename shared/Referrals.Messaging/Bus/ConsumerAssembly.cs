using System.Reflection;

namespace Referrals.Messaging.Bus;

/// <summary>Marks an assembly whose consumers (and their definitions) join the bus that <c>AddMessaging</c> builds.</summary>
public sealed record ConsumerAssembly(Assembly Assembly);
