using System.Text.Json;

namespace Referrals.Benchmarks.Pipeline;

/// <summary>The benchmark event: about 1 KB as JSON (the size of a referral event with its contact and criteria).</summary>
public sealed record BenchMessage(Guid Id, int Sequence, DateTimeOffset SentAt, string Payload)
{
    public const int TargetJsonBytes = 1024;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly string Filler = MakeFiller();

    public static BenchMessage Create(int sequence) => new(Guid.NewGuid(), sequence, DateTimeOffset.UtcNow, Filler);

    public static int JsonBytes => JsonSerializer.SerializeToUtf8Bytes(Create(int.MaxValue / 2), Json).Length;

    private static string MakeFiller()
    {
        var empty = JsonSerializer.SerializeToUtf8Bytes(new BenchMessage(Guid.Empty, int.MaxValue / 2, DateTimeOffset.UtcNow, ""), Json).Length;
        const string text = "Rēzeknes novada sociālais dienests nosūta klientu uz aprūpes centru; ";
        var filler = string.Concat(Enumerable.Repeat(text, 32));
        // Non-ASCII letters take several bytes escaped; trim by measuring, not by counting characters.
        while (filler.Length > 0 && JsonSerializer.SerializeToUtf8Bytes(filler, Json).Length - 2 > TargetJsonBytes - empty)
        {
            filler = filler[..^1];
        }

        return filler;
    }
}
