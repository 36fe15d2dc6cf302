using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Referrals.Benchmarks.Harness;

namespace Referrals.Benchmarks.Lifecycle;

/// <summary>
/// Where the submit-to-SMS time goes, from a sample of completed referrals: the referral's timeline (intake), its offer
/// (directory: offered, accepted) and the SMS hand-over. Each stage's median and p90, so a report can name the stage
/// that dominates.
/// </summary>
internal static class StageBreakdown
{
    private static readonly string[] Stages =
    [
        "POST due → stored as Submitted (HTTP, gateway, intake)",
        "Submitted → Matching (eligibility round trip)",
        "Matching → offer made (directory matching)",
        "offer made → accepted (automatic provider's polling)",
        "accepted → Placed SMS handed over (directory → intake → notification)",
    ];

    public static async Task WriteAsync(LifecycleClient client, LifecycleResult result, int sample, Report report, CancellationToken cancellationToken)
    {
        var picked = result.Completions.OrderBy(c => c.Due).Where((_, i) => i % Math.Max(1, result.Completions.Count / sample) == 0).Take(sample).ToList();
        var durations = Stages.Select(_ => new List<long>()).ToArray();
        foreach (var (referral, due, handedOver) in picked)
        {
            try
            {
                var view = await client.Http.GetFromJsonAsync<JsonObject>(new Uri($"/api/referrals/{referral}", UriKind.Relative), cancellationToken);
                var offers = await client.Http.GetFromJsonAsync<JsonArray>(new Uri($"/api/providers/offers?referralId={referral}", UriKind.Relative), cancellationToken);
                var timeline = view?["timeline"]?.AsArray().OfType<JsonObject>().ToList() ?? [];
                DateTimeOffset? At(string status) => timeline
                    .Where(t => t["status"]?.GetValue<string>() == status)
                    .Select(t => (DateTimeOffset?)t["at"]!.GetValue<DateTimeOffset>()).FirstOrDefault();
                var accepted = offers?.OfType<JsonObject>().FirstOrDefault(o => o["status"]?.GetValue<string>() == "Accepted");
                var points = new DateTimeOffset?[]
                {
                    due,
                    At("Submitted"),
                    At("Matching"),
                    accepted?["offeredAt"]?.GetValue<DateTimeOffset>(),
                    accepted?["decidedAt"]?.GetValue<DateTimeOffset>(),
                    handedOver,
                };
                for (var i = 0; i < Stages.Length; i++)
                {
                    if (points[i] is { } from && points[i + 1] is { } to)
                    {
                        durations[i].Add((long)((to - from).TotalSeconds * System.Diagnostics.Stopwatch.Frequency));
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException or InvalidOperationException)
            {
                // a referral we cannot read is left out of the sample
            }
        }

        var rows = Stages.Select((stage, i) =>
        {
            var p = Percentiles.FromTimestampTicks([.. durations[i]]);
            return (IReadOnlyList<string>)[stage, p.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Report.Milliseconds(p.P50Ms), Report.Milliseconds(p.P90Ms), Report.Milliseconds(p.MaxMs)];
        }).ToList();
        report.Table(["Stage", "Sampled", "p50", "p90", "max"], rows);
    }
}
