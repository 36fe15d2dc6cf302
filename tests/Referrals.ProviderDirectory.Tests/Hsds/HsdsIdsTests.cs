using Referrals.ProviderDirectory.Hsds;
using Xunit;

namespace Referrals.ProviderDirectory.Tests.Hsds;

public sealed class HsdsIdsTests
{
    [Fact]
    public void Ids_are_rfc_version_5_uuids()
    {
        // RFC 9562 / Python uuid.uuid5(NAMESPACE_DNS, "www.example.com").
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), HsdsIds.Create(dns, "www.example.com"));
    }

    [Fact]
    public void Ids_are_stable_and_distinct_per_entity()
    {
        Assert.Equal(HsdsIds.Service("svc-1"), HsdsIds.Service("svc-1"));
        Assert.NotEqual(HsdsIds.Service("svc-1"), HsdsIds.Organisation("svc-1"));
        Assert.Equal('5', HsdsIds.Service("svc-1")[14]);
    }
}
