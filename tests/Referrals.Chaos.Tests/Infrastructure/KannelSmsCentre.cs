using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Referrals.Chaos.Tests.Infrastructure;

/// <summary>
/// Debian's Kannel as the Notification service meets it in production: bearerbox, smsbox (the sendsms HTTP side) and
/// fakesmsc as the SMS centre, which prints every SMS it receives; those lines are what the test counts.
/// <see cref="StopSmsboxAsync"/> takes the HTTP side down (connections refused), as in an outage of the gateway.
/// </summary>
public sealed partial class KannelSmsCentre : IAsyncDisposable
{
    public const string Bearerbox = "/usr/sbin/bearerbox";
    public const string Smsbox = "/usr/sbin/smsbox";
    public const string FakeSmsc = "/usr/lib/kannel/test/fakesmsc";
    public const string Username = "referrals-chaos";
    public const string Password = "kannel-chaos-pass";
    public const string From = "Referrals";

    private readonly ConcurrentQueue<ReceivedSms> _received = new();
    private readonly ChildProcess _bearerbox;
    private readonly ChildProcess _smsbox;
    private readonly ChildProcess _fakeSmsc;
    private readonly int _adminPort = ChildProcess.FreePort();
    private readonly int _smsboxPort = ChildProcess.FreePort();
    private readonly int _fakeSmscPort = ChildProcess.FreePort();

    public KannelSmsCentre(string directory)
    {
        Directory.CreateDirectory(directory);
        var config = Path.Combine(directory, "kannel.conf");
        File.WriteAllText(config, Config());
        var none = new Dictionary<string, string>();
        _bearerbox = new ChildProcess("bearerbox", Bearerbox, ["-v", "4", config], none, directory);
        _smsbox = new ChildProcess("smsbox", Smsbox, ["-v", "4", config], none, directory);
        _fakeSmsc = new ChildProcess("fakesmsc", FakeSmsc,
            ["-H", "127.0.0.1", "-r", _fakeSmscPort.ToString(CultureInfo.InvariantCulture), "-i", "0.1", "-m", "0"], none, directory)
        {
            OnLine = line =>
            {
                if (ReceivedSms.TryParse(line) is { } sms)
                {
                    _received.Enqueue(sms);
                }
            },
        };
    }

    public static string? MissingReason()
    {
        var missing = new[] { Bearerbox, Smsbox, FakeSmsc }.Where(p => !File.Exists(p)).ToList();
        return missing.Count == 0
            ? null
            : $"Kannel is not installed ({string.Join(", ", missing)} missing): apt-get install -y kannel kannel-extras";
    }

    public int SendSmsPort { get; } = ChildProcess.FreePort();

    public string SendSmsUrl => $"http://127.0.0.1:{SendSmsPort}";

    public IReadOnlyCollection<ReceivedSms> Received => _received;

    public IEnumerable<ChildProcess> Processes => [_bearerbox, _smsbox, _fakeSmsc];

    public async Task StartAsync()
    {
        _bearerbox.Start();
        await _bearerbox.WaitUntilListeningAsync(_smsboxPort, TimeSpan.FromSeconds(30));
        await StartSmsboxAsync();
        _fakeSmsc.Start();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await StatusAsync()).Contains($"FAKE:{_fakeSmscPort.ToString(CultureInfo.InvariantCulture)} (online", StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("fakesmsc did not connect to bearerbox within 30 s:\n" + _fakeSmsc.Tail(20) + "\n" + _bearerbox.Tail(20));
            }

            await Task.Delay(100);
        }
    }

    public Task StopSmsboxAsync() => _smsbox.KillHardAsync();

    public async Task StartSmsboxAsync()
    {
        _smsbox.Start();
        await _smsbox.WaitUntilListeningAsync(SendSmsPort, TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in new[] { _fakeSmsc, _smsbox, _bearerbox })
        {
            await process.DisposeAsync();
        }
    }

    /// <summary>Bearerbox's own count of the SMS it passed to the SMS centre ("SMS: received X (…), sent Y (…)").</summary>
    public async Task<string> SmsCountsAsync()
    {
        var match = Regex.Match(await StatusAsync(), @"SMS: received [^\n]*");
        return match.Success ? match.Value.Trim() : "(bearerbox status unavailable)";
    }

    private async Task<string> StatusAsync()
    {
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            return await http.GetStringAsync(new Uri($"http://127.0.0.1:{_adminPort}/status.txt"));
        }
        catch (HttpRequestException)
        {
            return "";
        }
        catch (TaskCanceledException)
        {
            return "";
        }
    }

    private string Config() => string.Join('\n',
        "group = core",
        $"admin-port = {_adminPort}",
        "admin-password = \"admin-chaos\"",
        "admin-allow-ip = \"127.0.0.1\"",
        $"smsbox-port = {_smsboxPort}",
        "box-allow-ip = \"127.0.0.1\"",
        "dlr-storage = internal",
        "",
        "group = smsc",
        "smsc = fake",
        "smsc-id = fakesmsc",
        $"port = {_fakeSmscPort}",
        "connect-allow-ip = \"127.0.0.1\"",
        "",
        "group = smsbox",
        "bearerbox-host = 127.0.0.1",
        $"bearerbox-port = {_smsboxPort}",
        $"sendsms-port = {SendSmsPort}",
        "sms-length = 160",
        // A delivery report the service misses while it is down is fetched again, so it is not handed over twice.
        "http-request-retry = 10",
        "http-queue-delay = 2",
        "",
        "group = sendsms-user",
        $"username = \"{Username}\"",
        $"password = \"{Password}\"",
        $"default-sender = \"{From}\"",
        "concatenation = true",
        "max-messages = 4",
        "",
        "group = sms-service",
        "keyword = default",
        "text = \"\"",
        "max-messages = 0",
        "catch-all = true",
        "");
}

/// <summary>
/// One line fakesmsc prints for an SMS it received: "Got message N: &lt;from to type [udh] text&gt;". The test sends
/// plain English texts under 160 characters, so each is one part of type "text"; a part of a concatenated SMS
/// (type "udh") is kept with its reference so it can still be counted once.
/// </summary>
public sealed partial record ReceivedSms(string From, string To, string Type, string Text, string? ConcatenationReference, int Part)
{
    /// <summary>The number's digits only: Kannel may pass it with or without the plus.</summary>
    public string ToDigits => new(To.Where(char.IsAsciiDigit).ToArray());

    public static ReceivedSms? TryParse(string line)
    {
        var match = Line().Match(line);
        if (!match.Success)
        {
            return null;
        }

        var parts = match.Groups[1].Value.Split(' ', 4);
        if (parts.Length < 4)
        {
            return null;
        }

        if (parts[2] == "udh")
        {
            // "udh <udh url-encoded> data <payload url-encoded>": 05 00 03 ref total part
            var rest = parts[3].Split(' ', 3);
            var udh = Uri.UnescapeDataString(rest[0]);
            var reference = udh.Length >= 6 ? ((int)udh[3]).ToString(CultureInfo.InvariantCulture) : "?";
            var part = udh.Length >= 6 ? udh[5] : 1;
            return new ReceivedSms(parts[0], parts[1], "udh", rest.Length == 3 ? Uri.UnescapeDataString(rest[2]) : "", reference, part);
        }

        return new ReceivedSms(parts[0], parts[1], parts[2], parts[3], null, 1);
    }

    [GeneratedRegex(@"Got message \d+: <(.*)>\s*$")]
    private static partial Regex Line();
}
