using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Referrals.Testing;
using Xunit;

namespace Referrals.Notification.Tests.Kannel;

/// <summary>
/// The real thing, from Debian's <c>kannel</c> and <c>kannel-extras</c>: bearerbox, smsbox and fakesmsc as the SMS
/// centre, on free loopback ports with a kannel.conf written into a temp folder. Tests skip (with the reason) where
/// the binaries are not installed.
/// </summary>
public sealed partial class KannelGateway : IAsyncLifetime
{
    public const string Bearerbox = "/usr/sbin/bearerbox";
    public const string Smsbox = "/usr/sbin/smsbox";
    public const string FakeSmsc = "/usr/lib/kannel/test/fakesmsc";
    public const string Username = "referrals-test";
    public const string Password = "kannel-test-pass";
    public const string From = "Referrals";

    /// <summary>Notification:Kannel:CallbackSecret of the service under test; the STOP service's get-url carries it.</summary>
    public const string CallbackSecret = "kannel-callback-test-secret-0123456789";

    private readonly TempDirectory _directory = new();
    private readonly ConcurrentQueue<FakeSmscMessage> _received = new();
    private readonly List<Process> _processes = [];
    private Process? _smsbox;
    private Process? _fakeSmsc;
    private string _config = "";

    public string? MissingReason { get; private set; }

    public int AdminPort { get; private set; }

    public int SmsboxPort { get; private set; }

    public int SendSmsPort { get; private set; }

    public int FakeSmscPort { get; private set; }

    /// <summary>Where the Notification service under test listens; Kannel's STOP service calls it.</summary>
    public int ServicePort { get; } = FreePort();

    public string SendSmsUrl => $"http://127.0.0.1:{SendSmsPort}";

    public IReadOnlyCollection<FakeSmscMessage> Received => _received;

    public void SkipIfMissing()
    {
        if (MissingReason is not null)
        {
            Assert.Skip(MissingReason);
        }
    }

    public async ValueTask InitializeAsync()
    {
        var missing = new[] { Bearerbox, Smsbox, FakeSmsc }.Where(p => !File.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            MissingReason = $"Kannel is not installed ({string.Join(", ", missing)} missing): apt-get install -y kannel kannel-extras";
            return;
        }

        AdminPort = FreePort();
        SmsboxPort = FreePort();
        SendSmsPort = FreePort();
        FakeSmscPort = FreePort();
        _config = Path.Combine(_directory.Path, "kannel.conf");
        await File.WriteAllTextAsync(_config, Config());

        Start(Bearerbox, $"-v 4 {_config}");
        await WaitForPortAsync(SmsboxPort);
        await StartSmsboxAsync();
        await StartFakeSmscAsync();
    }

    /// <summary>
    /// A family's reply: fakesmsc's command-line mode sends one mobile-originated SMS. The fake SMS centre serves one
    /// client at a time, so the listening fakesmsc steps aside meanwhile.
    /// </summary>
    public async Task SendFromPhoneAsync(string from, string text)
    {
        await StopAsync(_fakeSmsc);
        var before = await SmsReceivedCountAsync();
        var sender = Start(FakeSmsc, $"-H 127.0.0.1 -r {FakeSmscPort} -i 0.1 -m 1 \"{from} {From} text {text}\"");
        await WaitUntilAsync(async () => await SmsReceivedCountAsync() > before);
        await StopAsync(sender);
        await StartFakeSmscAsync();
    }

    /// <summary>Takes the HTTP side down (connections refused), as in an outage of the gateway.</summary>
    public Task StopSmsboxAsync() => StopAsync(_smsbox);

    private async Task StartFakeSmscAsync()
    {
        await WaitUntilAsync(async () => !(await StatusAsync()).Contains("(online", StringComparison.Ordinal));
        _fakeSmsc = Start(FakeSmsc, $"-H 127.0.0.1 -r {FakeSmscPort} -i 0.1 -m 0", captureMessages: true);
        await WaitUntilAsync(async () => (await StatusAsync()).Contains($"FAKE:{FakeSmscPort.ToString(CultureInfo.InvariantCulture)} (online", StringComparison.Ordinal));
    }

    private static async Task StopAsync(Process? process)
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Mobile-originated SMS the bearerbox has taken in, from its status page ("SMS: received N (...").</summary>
    private async Task<int> SmsReceivedCountAsync()
    {
        var match = System.Text.RegularExpressions.Regex.Match(await StatusAsync(), @"SMS: received (\d+)");
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    public async Task StartSmsboxAsync()
    {
        _smsbox = Start(Smsbox, $"-v 4 {_config}");
        await WaitForPortAsync(SendSmsPort);
    }

    /// <summary>What fakesmsc got for one number, parts of a concatenated SMS joined, decoded as sent.</summary>
    public IReadOnlyList<(string Type, string Text)> TextsTo(string to) =>
        FakeSmscMessage.Join(_received.Where(m => m.To == to).ToList());

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(_processes))
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            process.Dispose();
        }

        _directory.Dispose();
    }

    private string Config() => string.Join('\n',
        "group = core",
        $"admin-port = {AdminPort}",
        "admin-password = \"admin-test\"",
        "admin-allow-ip = \"127.0.0.1\"",
        $"smsbox-port = {SmsboxPort}",
        "box-allow-ip = \"127.0.0.1\"",
        "dlr-storage = internal",
        "",
        "group = smsc",
        "smsc = fake",
        "smsc-id = fakesmsc",
        $"port = {FakeSmscPort}",
        "connect-allow-ip = \"127.0.0.1\"",
        "",
        "group = smsbox",
        "bearerbox-host = 127.0.0.1",
        $"bearerbox-port = {SmsboxPort}",
        $"sendsms-port = {SendSmsPort}",
        "sms-length = 160",
        "",
        "group = sendsms-user",
        $"username = \"{Username}\"",
        $"password = \"{Password}\"",
        $"default-sender = \"{From}\"",
        "concatenation = true",
        "max-messages = 4",
        "",
        "group = sms-service",
        "keyword = stop",
        $"get-url = \"http://127.0.0.1:{ServicePort}/api/notifications/inbound-sms?from=%p&text=%a&secret={CallbackSecret}\"",
        "max-messages = 0",
        "",
        "group = sms-service",
        "keyword = default",
        "text = \"\"",
        "max-messages = 0",
        "catch-all = true",
        "");

    private Process Start(string file, string arguments, bool captureMessages = false)
    {
        var info = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // fakesmsc ends on end of input: the pipe stays open for the life of the fixture.
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
            WorkingDirectory = _directory.Path,
        };
        var process = new Process { StartInfo = info };
        DataReceivedEventHandler handler = (_, e) =>
        {
            if (captureMessages && e.Data is not null && FakeSmscMessage.TryParse(e.Data) is { } message)
            {
                _received.Enqueue(message);
            }
        };
        process.OutputDataReceived += handler;
        process.ErrorDataReceived += handler;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);
        return process;
    }

    private async Task<string> StatusAsync()
    {
        try
        {
            using var http = new HttpClient();
            return await http.GetStringAsync(new Uri($"http://127.0.0.1:{AdminPort}/status.txt"));
        }
        catch (HttpRequestException)
        {
            return "";
        }
    }

    private static async Task WaitForPortAsync(int port) =>
        await WaitUntilAsync(async () =>
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        });

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Kannel did not come up within 20 s.");
            }

            await Task.Delay(100);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>One line fakesmsc prints for an SMS it received: "Got message N: &lt;from to type [udh] text&gt;".</summary>
public sealed partial record FakeSmscMessage(string From, string To, string Type, byte[]? Udh, string Payload)
{
    public static FakeSmscMessage? TryParse(string line)
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
            // "udh <udh url-encoded> data <payload url-encoded>"
            var rest = parts[3].Split(' ', 3);
            return new FakeSmscMessage(parts[0], parts[1], "udh", Bytes(rest[0]), rest.Length == 3 ? rest[2] : "");
        }

        return new FakeSmscMessage(parts[0], parts[1], parts[2], null, parts[3]);
    }

    /// <summary>Concatenated parts joined by their UDH reference and sequence; UCS-2 decoded from UTF-16BE.</summary>
    public static IReadOnlyList<(string Type, string Text)> Join(IReadOnlyList<FakeSmscMessage> messages)
    {
        var texts = new List<(string, string)>();
        foreach (var single in messages.Where(m => m.Udh is null))
        {
            texts.Add((single.Type, single.Type == "ucs-2"
                ? System.Text.Encoding.BigEndianUnicode.GetString(Bytes(single.Payload))
                : single.Payload));
        }

        foreach (var group in messages.Where(m => m.Udh is { Length: 6 }).GroupBy(m => m.Udh![3]))
        {
            var ordered = group.OrderBy(m => m.Udh![5]).ToList();
            var bytes = ordered.SelectMany(m => Bytes(m.Payload)).ToArray();
            // UCS-2 parts carry a zero high byte before every ASCII letter; GSM-7 data never contains a zero byte here.
            var ucs2 = bytes.Length % 2 == 0 && bytes.Contains((byte)0);
            texts.Add((ucs2 ? "udh-ucs-2" : "udh-text",
                ucs2 ? System.Text.Encoding.BigEndianUnicode.GetString(bytes) : System.Text.Encoding.UTF8.GetString(bytes)));
        }

        return texts;
    }

    private static byte[] Bytes(string urlEncoded) => WebUtility.UrlDecodeToBytes(System.Text.Encoding.ASCII.GetBytes(urlEncoded), 0,
        System.Text.Encoding.ASCII.GetByteCount(urlEncoded)) ?? [];

    [GeneratedRegex(@"Got message \d+: <(.*)>\s*$")]
    private static partial Regex Line();
}
