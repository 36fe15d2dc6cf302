using System.Security.Cryptography;
using System.Text;

namespace Referrals.ProviderDirectory.Hsds;

/// <summary>
/// HSDS wants UUIDs; the directory keys its documents by stable, readable keys. A name-based UUID (RFC 9562 version 5)
/// of "entity:key" gives every record the same UUID on every machine and every re-import, with no table to keep.
/// </summary>
public static class HsdsIds
{
    /// <summary>This directory's own namespace (a fixed random UUID), so our ids never collide with another publisher's.</summary>
    private static readonly Guid Namespace = new("4f1c9a52-6a1e-4b8e-9d3a-2c7e5b0f8a61");

    public static string Organisation(string key) => Of("organization", key);

    public static string Service(string key) => Of("service", key);

    public static string Location(string organisationKey) => Of("location", organisationKey);

    public static string Of(string entity, string key) => Create($"{entity}:{key}").ToString("D");

    public static Guid Create(string name) => Create(Namespace, name);

    public static Guid Create(Guid namespaceId, string name)
    {
        var namespaceBytes = namespaceId.ToByteArray(bigEndian: true);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[namespaceBytes.Length + nameBytes.Length];
        namespaceBytes.CopyTo(input, 0);
        nameBytes.CopyTo(input, namespaceBytes.Length);
#pragma warning disable CA5350 // RFC 9562 version 5 is defined over SHA-1; this is an identifier, not a security hash.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
