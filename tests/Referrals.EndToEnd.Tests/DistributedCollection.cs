using Xunit;

namespace Referrals.EndToEnd.Tests;

/// <summary>The test classes that share one distributed system (five processes are expensive to start).</summary>
[CollectionDefinition(Name)]
public sealed class DistributedCollection : ICollectionFixture<DistributedSystem>
{
    public const string Name = "distributed system";
}
