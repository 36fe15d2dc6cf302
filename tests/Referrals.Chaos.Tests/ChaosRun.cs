using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace Referrals.Chaos.Tests;

/// <summary>
/// One chaos run: N referrals submitted at a steady pace through the gateway (a transient failure is retried with the
/// same Idempotency-Key), an automatic provider accepting every pending offer, the faults injected one after another at
/// random moments while referrals come in (each at a random point of its own slice of the submissions; submissions wait
/// for a fault that is late, so every fault meets referrals still coming in); then it waits (bounded) until the system is
/// quiet and checks everything. Two providers of the scenario share places for 60% of the eligible referrals, so exactly that many
/// end Placed and the rest Waitlisted, whichever of them wins a place; every tenth referral is not eligible (Rejected).
/// </summary>
public sealed class ChaosRun(ChaosSystem system, ChaosScenario scenario, ChaosSettings settings, FaultLog log, IReadOnlyList<Fault> faults)
{
    private static readonly string[] FamilyRelevant = ["Submitted", "Rejected", "NeedsInformation", "Waitlisted", "Placed", "Withdrawn", "Closed"];
    private static readonly string[] Final = ["Placed", "Waitlisted", "Rejected"];

    private static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(75);

    private readonly ChaosClient _client = new(system.Gateway, scenario.Municipality);
    private readonly string _run = Guid.NewGuid().ToString("N")[..6];
    private readonly ConcurrentBag<string> _failures = [];
    private readonly ConcurrentDictionary<string, int> _acceptAnswers = new();
    private readonly ConcurrentDictionary<string, int> _offerPollErrors = new();
    private readonly Dictionary<string, int> _places = [];
    private Guid?[] _ids = [];
    private int[] _attempts = [];
    private int _transientSubmitFailures;
    private int _next = -1;
    private int[] _triggers = [];
    private int _faultsStarted;
    private IReadOnlyDictionary<string, int> _parkedBefore = new Dictionary<string, int>();

    public async Task<(IReadOnlyList<string> Failures, string Report)> RunAsync()
    {
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var planned = Enumerable.Range(0, settings.Referrals).Select(i => PlannedReferral.Create(scenario, _run, i, today)).ToList();
        var eligible = planned.Count(p => p.Eligible);
        var places = eligible * 3 / 5;
        _places[scenario.ProviderPrefix + "-a"] = places - (places / 2);
        _places[scenario.ProviderPrefix + "-b"] = places / 2;
        foreach (var (provider, count) in _places)
        {
            await _client.CreateProviderAsync(provider, scenario.ServiceType, scenario.ClientGroup, count);
        }

        if (system.Broker is not null)
        {
            _parkedBefore = await system.Broker.QueueDepthsAsync();
        }

        var random = new Random(settings.Seed);
        var order = faults.OrderBy(_ => random.Next()).ToList();
        _triggers = Enumerable.Range(0, order.Count)
            .Select(k => (int)(planned.Count * (0.1 + (0.75 * (k + (0.5 * random.NextDouble())) / order.Count))))
            .ToArray();

        log.Write($"Run {_run}: {scenario.ServiceType} in {scenario.Municipality}, {settings.Referrals} referrals over at least {settings.SubmissionPeriod.TotalSeconds:0} s ({eligible} eligible, "
            + $"{settings.Referrals - eligible} not), {places} places ({string.Join(", ", _places.Select(p => $"{p.Key} {p.Value}"))}), seed {settings.Seed}");
        log.Write($"Faults: {string.Join("; ", order.Select((f, k) => $"{f.Name} at submission #{_triggers[k]}"))}");

        _ids = new Guid?[planned.Count];
        _attempts = new int[planned.Count];
        using var stopProvider = new CancellationTokenSource();
        var providerLoop = Task.Run(() => AutomaticProviderAsync(stopProvider.Token));
        var submissions = SubmitAllAsync(planned);
        var injected = InjectFaultsAsync(order);
        await Task.WhenAll(submissions, injected);
        log.Write($"All {planned.Count} submissions answered ({_attempts.Sum() - planned.Count} retries after {_transientSubmitFailures} transient failures); all faults injected");

        var snapshot = await SettleAsync(planned);
        await stopProvider.CancelAsync();
        await providerLoop;

        var report = await VerifyAsync(planned, snapshot, eligible, places);
        return (_failures.ToList(), report);
    }

    private async Task SubmitAllAsync(List<PlannedReferral> planned)
    {
        var start = DateTime.UtcNow;
        async Task WorkerAsync()
        {
            while (true)
            {
                var i = Interlocked.Increment(ref _next);
                if (i >= planned.Count)
                {
                    return;
                }

                // A fault due earlier that has not started yet (the one before is still recovering) holds the rest back.
                while (Volatile.Read(ref _faultsStarted) < _triggers.Length && _triggers[Volatile.Read(ref _faultsStarted)] < i)
                {
                    await Task.Delay(100);
                }

                var due = start + (settings.SubmissionPeriod * i / planned.Count);
                if (due > DateTime.UtcNow)
                {
                    await Task.Delay(due - DateTime.UtcNow);
                }

                _ids[i] = await SubmitAsync(planned[i]);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(WorkerAsync)));
    }

    /// <summary>The contract for a client: a submission without an answer is retried with the same Idempotency-Key.</summary>
    private async Task<Guid?> SubmitAsync(PlannedReferral referral)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            _attempts[referral.Index]++;
            var result = await _client.SendAsync(HttpMethod.Post, "/api/referrals", _client.SocialWorker, referral.Body, referral.IdempotencyKey);
            if (result.Status == HttpStatusCode.Created)
            {
                return Guid.Parse(result.Json!["id"]!.GetValue<string>());
            }

            if (!result.IsTransient || DateTime.UtcNow > deadline)
            {
                _failures.Add($"Submission {referral.Index} failed for good: {Short(result.ToString())}");
                return null;
            }

            Interlocked.Increment(ref _transientSubmitFailures);
            await Task.Delay(300);
        }
    }

    /// <summary>Each provider's staff accepts every pending offer, as fast as it sees them.</summary>
    private async Task AutomaticProviderAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            foreach (var provider in _places.Keys)
            {
                try
                {
                    foreach (var offer in await _client.OffersAsync(provider, "Pending"))
                    {
                        var result = await _client.SendAsync(HttpMethod.Post, $"/api/providers/offers/{offer["offerId"]!.GetValue<string>()}/accept",
                            ChaosClient.ProviderStaff(provider));
                        _acceptAnswers.AddOrUpdate(result.Status is { } s ? ((int)s).ToString(CultureInfo.InvariantCulture) : "no answer", 1, (_, n) => n + 1);
                    }
                }
                catch (InvalidOperationException e)
                {
                    _offerPollErrors.AddOrUpdate(Short(e.Message, 80), 1, (_, n) => n + 1);
                }
            }

            try
            {
                await Task.Delay(200, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The faults in their random order, each when the submissions reach its trigger, one after another.</summary>
    private async Task InjectFaultsAsync(List<Fault> order)
    {
        for (var k = 0; k < order.Count; k++)
        {
            while (Volatile.Read(ref _next) < _triggers[k])
            {
                await Task.Delay(50);
            }

            Interlocked.Increment(ref _faultsStarted);
            if (await order[k].InjectAsync(system, log) is { } failure)
            {
                _failures.Add(failure);
            }
        }
    }

    private sealed record Snapshot(Dictionary<int, JsonObject> Referrals, int PendingOffers, bool Quiet);

    /// <summary>Waits until every referral is final, no offer is pending and fakesmsc got what the timelines call for, and stays so.</summary>
    private async Task<Snapshot> SettleAsync(List<PlannedReferral> planned)
    {
        var deadline = DateTime.UtcNow + settings.SettleTimeout;
        var lastLog = DateTime.MinValue;
        var quietPolls = 0;
        var progress = (Final: -1, Received: -1, Pending: -1);
        var lastProgress = DateTime.UtcNow;
        Snapshot snapshot;
        while (true)
        {
            var referrals = await FetchAllAsync(planned);
            var pending = 0;
            foreach (var provider in _places.Keys)
            {
                try
                {
                    pending += (await _client.OffersAsync(provider, "Pending")).Count;
                }
                catch (InvalidOperationException)
                {
                    pending++;
                }
            }

            var final = referrals.Values.Count(r => Final.Contains(Status(r)));
            var expected = planned.Where(p => referrals.ContainsKey(p.Index)).Sum(p => ExpectedSms(referrals[p.Index]).Count);
            var received = Counted().Count;
            var quiet = final == planned.Count && pending == 0 && received == expected;
            snapshot = new Snapshot(referrals, pending, quiet);
            quietPolls = quiet ? quietPolls + 1 : 0;
            if (quietPolls >= 2)
            {
                log.Write($"Quiet: {final}/{planned.Count} referrals final, no pending offer, {received}/{expected} SMS received");
                return snapshot;
            }

            if ((final, received, pending) != progress)
            {
                progress = (final, received, pending);
                lastProgress = DateTime.UtcNow;
            }

            // Stuck is stuck: every back-off of the system is far shorter than this.
            var stalled = DateTime.UtcNow - lastProgress > StallLimit;
            if (DateTime.UtcNow > deadline || stalled)
            {
                log.Write($"NOT QUIET {(stalled ? $"and no progress for {StallLimit.TotalSeconds:0} s" : $"within {settings.SettleTimeout.TotalSeconds:0} s")}: {final}/{planned.Count} final, {pending} pending offers, {received}/{expected} SMS");
                return snapshot;
            }

            if (DateTime.UtcNow - lastLog > TimeSpan.FromSeconds(10))
            {
                log.Write($"Settling: {final}/{planned.Count} referrals final, {pending} pending offers, {received}/{expected} SMS received");
                lastLog = DateTime.UtcNow;
            }

            await Task.Delay(TimeSpan.FromSeconds(quiet ? 3 : 2));
        }
    }

    private async Task<Dictionary<int, JsonObject>> FetchAllAsync(List<PlannedReferral> planned)
    {
        var result = new ConcurrentDictionary<int, JsonObject>();
        await Parallel.ForEachAsync(planned.Where(p => _ids[p.Index] is not null), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (p, _) => result[p.Index] = await _client.ReferralAsync(_ids[p.Index]!.Value));
        return new Dictionary<int, JsonObject>(result);
    }

    /// <summary>One SMS per change into a family-relevant status, as the referral's timeline records the changes.</summary>
    private static List<string> ExpectedSms(JsonObject referral)
    {
        var expected = new List<string>();
        string? previous = null;
        foreach (var line in referral["timeline"]?.AsArray() ?? [])
        {
            var status = line?["status"]?.GetValue<string>();
            if (status is not null && status != previous && FamilyRelevant.Contains(status))
            {
                expected.Add(status);
            }

            previous = status ?? previous;
        }

        return expected;
    }

    /// <summary>
    /// What fakesmsc received for this run, one entry per SMS (a concatenated SMS counted once, by its first part): the
    /// numbers of the run's band (<see cref="PlannedReferral.BandOf"/>), whether a referral of the run gave them or not.
    /// </summary>
    private List<(string Phone, string Status, string Text)> Counted() =>
        system.Kannel.Received.Where(m => m.Part == 1 && PlannedReferral.BandOf(m.ToDigits) == scenario.PhoneOffset)
            .Select(m => (m.ToDigits, Classify(m.Text), m.Text)).ToList();

    private static string Classify(string text) => text switch
    {
        _ when text.Contains("has been registered", StringComparison.Ordinal) => "Submitted",
        _ when text.Contains("waiting list", StringComparison.Ordinal) => "Waitlisted",
        _ when text.Contains("confirmed", StringComparison.Ordinal) => "Placed",
        _ when text.Contains("cannot proceed", StringComparison.Ordinal) => "Rejected",
        _ when text.Contains("more information", StringComparison.Ordinal) => "NeedsInformation",
        _ when text.Contains("withdrawn", StringComparison.Ordinal) => "Withdrawn",
        _ when text.Contains("closed", StringComparison.Ordinal) => "Closed",
        _ => "Unrecognised",
    };

    private async Task<string> VerifyAsync(List<PlannedReferral> planned, Snapshot snapshot, int eligible, int places)
    {
        var report = new List<string>();
        void Check(bool ok, string failure)
        {
            if (!ok)
            {
                _failures.Add(failure);
            }
        }

        // Nothing lost, nothing doubled at the front door.
        var ids = _ids.Where(id => id is not null).Select(id => id!.Value).ToList();
        Check(ids.Count == planned.Count, $"Lost submissions: only {ids.Count} of {planned.Count} got an id");
        Check(ids.Distinct().Count() == ids.Count, "Two submissions with different Idempotency-Keys got the same referral id");
        Check(snapshot.Referrals.Count == ids.Count, $"Lost referrals: {ids.Count - snapshot.Referrals.Count} submitted referrals cannot be read back");
        report.Add($"Submissions: {ids.Count}/{planned.Count} accepted, {_attempts.Count(a => a > 1)} needed retries "
            + $"(max {(_attempts.Length == 0 ? 0 : _attempts.Max())} attempts), {_transientSubmitFailures} transient failures retried with the same Idempotency-Key");

        // Final states against the capacity model.
        var byStatus = snapshot.Referrals.Values.GroupBy(Status).ToDictionary(g => g.Key, g => g.Count());
        int Count(string status) => byStatus.GetValueOrDefault(status);
        var expectedPlaced = Math.Min(eligible, places);
        report.Add($"Final states: {string.Join(", ", byStatus.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"))}"
            + $" — expected Placed {expectedPlaced}, Waitlisted {eligible - expectedPlaced}, Rejected {planned.Count - eligible}");
        Check(Count("Placed") == expectedPlaced, $"Placed {Count("Placed")}, expected {expectedPlaced}");
        Check(Count("Waitlisted") == eligible - expectedPlaced, $"Waitlisted {Count("Waitlisted")}, expected {eligible - expectedPlaced}");
        Check(Count("Rejected") == planned.Count - eligible, $"Rejected {Count("Rejected")}, expected {planned.Count - eligible}");
        foreach (var p in planned.Where(p => snapshot.Referrals.ContainsKey(p.Index)))
        {
            var status = Status(snapshot.Referrals[p.Index]);
            Check(p.Eligible ? status is "Placed" or "Waitlisted" : status == "Rejected",
                $"Referral {_ids[p.Index]} (#{p.Index}, {(p.Eligible ? "eligible" : "not eligible")}) ended {status}; last timeline: "
                + string.Join(" | ", (snapshot.Referrals[p.Index]["timeline"]?.AsArray() ?? []).TakeLast(3)
                    .Select(t => $"{t?["event"]} → {t?["status"]} {t?["detail"]}")));
        }

        // The worklist agrees (catches a doubled referral no client knows of), where the list is not cut at its limit.
        var listed = new List<string>();
        var listedTotal = 0;
        var truncated = false;
        foreach (var status in new[] { "Submitted", "NeedsInformation", "Matching", "Offered", "Waitlisted", "Placed", "Rejected" })
        {
            var count = (await _client.ReferralListAsync(status)).Count;
            truncated |= count >= 500;
            listedTotal += count;
            listed.Add($"{status} {count}");
        }

        report.Add($"Intake worklist: {string.Join(", ", listed)}{(truncated ? " (a list is at its 500 limit: total not compared)" : "")}");
        Check(truncated || listedTotal == planned.Count, $"The intake worklist holds {listedTotal} referrals, {planned.Count} were submitted");

        // Placements: never twice, never beyond capacity, free places add up — the directory and intake agree.
        var acceptedAll = new List<Guid>();
        foreach (var (provider, capacity) in _places)
        {
            var accepted = (await _client.OffersAsync(provider, "Accepted")).Select(o => Guid.Parse(o["referralId"]!.GetValue<string>())).ToList();
            acceptedAll.AddRange(accepted);
            var placedHere = snapshot.Referrals.Values
                .Where(r => Status(r) == "Placed" && r["placement"]?["providerId"]?.GetValue<string>() == provider)
                .Select(r => Guid.Parse(r["id"]!.GetValue<string>())).ToHashSet();
            var available = (await _client.CapacityAsync(provider))["available"]!.GetValue<int>();
            report.Add($"Provider {provider}: {capacity} places, {accepted.Count} accepted offers, {placedHere.Count} referrals Placed there, {available} available now");
            Check(accepted.Count <= capacity, $"{provider}: {accepted.Count} accepted placements exceed its {capacity} places");
            Check(available == capacity - accepted.Count, $"{provider}: free places do not add up: {available} available, {capacity} - {accepted.Count} accepted");
            foreach (var referral in accepted.Where(a => !placedHere.Contains(a)))
            {
                var status = snapshot.Referrals.Values.FirstOrDefault(r => r["id"]?.GetValue<string>() == referral.ToString()) is { } r ? Status(r) : "unknown";
                _failures.Add($"{provider} accepted referral {referral} but intake has it {status}, not Placed there");
            }

            foreach (var referral in placedHere.Where(r => !accepted.Contains(r)))
            {
                _failures.Add($"Intake has referral {referral} Placed at {provider}, but the directory has no accepted offer of it there");
            }

        }

        Check(acceptedAll.Distinct().Count() == acceptedAll.Count,
            $"Placement made twice: {acceptedAll.Count - acceptedAll.Distinct().Count()} referral(s) have more than one accepted offer");
        report.Add($"Automatic provider: accept answers {string.Join(", ", _acceptAnswers.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}×{p.Value}"))}"
            + (_offerPollErrors.IsEmpty ? "" : $"; offer polls failed: {string.Join("; ", _offerPollErrors.Select(p => $"{p.Value}× {p.Key}"))}"));

        // SMS: exactly one per family-relevant change, to the family's own number, with the referral's short code.
        var received = Counted().GroupBy(m => m.Phone).ToDictionary(g => g.Key, g => g.ToList());
        var known = planned.Select(p => p.PhoneDigits).ToHashSet();
        int expectedTotal = 0, missing = 0, doubled = 0, wrongCode = 0;
        var missingSms = new List<(Guid Referral, string Status)>();
        foreach (var p in planned.Where(p => snapshot.Referrals.ContainsKey(p.Index)))
        {
            var referral = snapshot.Referrals[p.Index];
            var expected = ExpectedSms(referral);
            expectedTotal += expected.Count;
            var got = received.GetValueOrDefault(p.PhoneDigits) ?? [];
            var code = referral["shortCode"]!.GetValue<string>();
            wrongCode += got.Count(m => !m.Text.Contains(code, StringComparison.Ordinal));
            foreach (var status in expected.Concat(got.Select(m => m.Status)).Distinct())
            {
                var want = expected.Count(s => s == status);
                var have = got.Count(m => m.Status == status);
                if (have < want)
                {
                    missing += want - have;
                    missingSms.Add((_ids[p.Index]!.Value, status));
                    _failures.Add($"Missing SMS: referral {_ids[p.Index]} ({code}) expected {want}× {status}, fakesmsc got {have}");
                }
                else if (have > want)
                {
                    doubled += have - want;
                    _failures.Add($"Doubled SMS: referral {_ids[p.Index]} ({code}) expected {want}× {status}, fakesmsc got {have}");
                }
            }
        }

        var strangers = received.Where(r => !known.Contains(r.Key)).Sum(r => r.Value.Count);
        Check(strangers == 0, $"{strangers} SMS went to numbers of this run's band that no referral gave");
        Check(wrongCode == 0, $"{wrongCode} SMS do not carry their referral's short code");
        var totalReceived = received.Values.Sum(v => v.Count);
        report.Add($"SMS: expected {expectedTotal} (one per family-relevant status change), fakesmsc received {totalReceived} "
            + $"(fakesmsc's total for all runs on this system: {system.Kannel.Received.Count} parts): missing {missing}, doubled {doubled}, to unknown numbers {strangers}, without the short code {wrongCode}");
        report.Add($"  Bearerbox: {await system.Kannel.SmsCountsAsync()}");
        foreach (var (id, status) in missingSms.Take(12))
        {
            report.Add($"  Missing {status} SMS of {id}: {Short(await _client.NotificationAsync(id, status), 400)}");
        }

        // A message parked in an error queue is work the system gave up on: in a run of valid referrals there must be none.
        if (system.Broker is not null)
        {
            var depths = await system.Broker.QueueDepthsAsync();
            var parked = depths
                .Select(q => new KeyValuePair<string, int>(q.Key, q.Value - _parkedBefore.GetValueOrDefault(q.Key)))
                .Where(q => q.Key.EndsWith("_error", StringComparison.Ordinal) && q.Value > 0).ToList();
            report.Add($"Error queues ({depths.Count} queues on the node): {(parked.Count == 0 ? "nothing parked during this run" : string.Join(", ", parked.Select(q => $"{q.Key} {q.Value}")))}");
            Check(parked.Count == 0, $"Messages parked in error queues (given up after retries): {string.Join(", ", parked.Select(q => $"{q.Key} {q.Value}"))}");
        }

        var errors = system.ErrorLines().ToList();
        report.Add($"Error/critical log lines in the services: {errors.Count}");
        report.AddRange(errors.Select(e => Short(e, 300)).Distinct().Take(8).Select(e => "  " + e));
        return string.Join('\n', report);
    }

    private static string Status(JsonObject referral) => referral["status"]?.GetValue<string>() ?? "?";

    private static string Short(string text, int length = 300) => text.Length <= length ? text : text[..length] + "…";
}
