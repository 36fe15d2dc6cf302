using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Contracts.Intake;
using Referrals.Contracts.Notification;
using Referrals.Notification.Contacts;
using Referrals.Notification.Encoding;
using Referrals.Notification.Messages;
using Referrals.Notification.Store;
using Referrals.Notification.Templates;
using Referrals.Notification.Tests.Api;
using Referrals.ServiceDefaults.Security;
using Referrals.Testing;
using Xunit;
using Outcome = Referrals.Testing.AccessOutcome;

namespace Referrals.Notification.Tests.Security;

/// <summary>
/// Every endpoint × every caller: anonymous 401 (except the anonymous ones), a role not allowed 403, the allowed role
/// of a foreign tenant 404, Kannel's callbacks 403 without the right secret; and for every cell but the allowed ones,
/// every row of every table of the store is unchanged. Each cell runs against a referral of its own (a Daugavpils
/// contact with one SMS), seeded just before. One allowed cell per endpoint proves the matrix is not vacuous; an endpoint
/// without a row fails <see cref="Every_endpoint_has_a_row"/>.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.SecuredApiFactory api) : IClassFixture<AuthorizationMatrixTests.SecuredApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;


    private const string Anonymous = "anonymous";
    private const string SocialWorker = "social-worker LV-DGV";
    private const string ForeignSocialWorker = "social-worker LV-REZ (foreign, same region)";
    private const string Coordinator = "coordinator Latgale";
    private const string ForeignCoordinator = "coordinator Riga (foreign)";
    private const string ProviderStaff = "provider-staff org-dgv-seniori";
    private const string Administrator = "administrator";
    private const string Kannel = "kannel (right secret, no token)";
    private const string KannelWrongSecret = "kannel (wrong secret, no token)";

    private static readonly Dictionary<string, DemoUser?> Callers = new()
    {
        [Anonymous] = null,
        [SocialWorker] = TestTokens.SocialWorker("LV-DGV", "sw-dgv"),
        [ForeignSocialWorker] = TestTokens.SocialWorker("LV-REZ", "sw-rez"),
        [Coordinator] = TestTokens.Coordinator("Latgale", "co-latgale"),
        [ForeignCoordinator] = TestTokens.Coordinator("Riga", "co-riga"),
        [ProviderStaff] = TestTokens.ProviderStaff("org-dgv-seniori", "ps-dgv"),
        [Administrator] = TestTokens.Administrator("admin-1"),
        [Kannel] = null,
        [KannelWrongSecret] = null,
    };

    /// <summary>The platform's own anonymous endpoints (health, API description), the same in every service.</summary>
    private static readonly string[] PlatformEndpoints = ["* /health/live", "* /health/ready", "GET /openapi/{documentName}.json"];

    private sealed record Row(string Method, string Route, Func<Seeded, string, HttpRequestMessage> Request,
        Dictionary<string, Outcome> Outcomes, Func<Seeded, string, INotificationStore, string, Task> Allowed);

    private static readonly Row[] Rows =
    [
        // MapGet("") in the /api/notifications group: the route pattern keeps the trailing slash.
        new("GET", "/api/notifications/", (s, _) => Get($"/api/notifications?referralId={s.ReferralId}"),
            Tenant(read: true), ListedAsync),
        new("PUT", "/api/notifications/contacts/{referralId}/opt-out", (s, _) => new(HttpMethod.Put, Url($"/api/notifications/contacts/{s.ReferralId}/opt-out")),
            Tenant(read: false), (s, caller, store, _) => PreferenceAsync(s, caller, store, optedOut: true)),
        new("DELETE", "/api/notifications/contacts/{referralId}/opt-out", (s, _) => new(HttpMethod.Delete, Url($"/api/notifications/contacts/{s.ReferralId}/opt-out")),
            Tenant(read: false), (s, caller, store, _) => PreferenceAsync(s, caller, store, optedOut: false)),
        new("GET", "/api/notifications/status/{token}", (s, _) => Get($"/api/notifications/status/{s.StatusToken}"),
            Callers.ToDictionary(c => c.Key, _ => Outcome.Allowed), StatusPageAsync),
        new("GET", "/api/notifications/delivery-reports",
            (s, caller) => Get($"/api/notifications/delivery-reports?id={Uri.EscapeDataString(s.MessageId)}&sms={s.SmsId:N}&status=1&at=1795409039{Secret(caller)}"),
            KannelOnly(), DeliveredAsync),
        new("GET", "/api/notifications/inbound-sms",
            (s, caller) => Get($"/api/notifications/inbound-sms?from={s.Phone.TrimStart('+')}&text=STOP{Secret(caller)}"),
            KannelOnly(), (s, _, store, _) => StoppedAsync(s, store)),
    ];

    public static TheoryData<string, string, Outcome> Cells()
    {
        var cells = new TheoryData<string, string, Outcome>();
        foreach (var row in Rows)
        {
            foreach (var (caller, outcome) in row.Outcomes)
            {
                cells.Add($"{row.Method} {row.Route}", caller, outcome);
            }
        }

        return cells;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Cell(string endpoint, string caller, Outcome expected)
    {
        var row = Rows.Single(r => $"{r.Method} {r.Route}" == endpoint);
        var store = api.Services.GetRequiredService<INotificationStore>();
        // The DELETE row undoes an opt-out, so its referral starts opted out.
        var seeded = await SeedAsync(store, optedOut: row.Method == "DELETE");
        using var client = api.CreateClient();
        using var request = row.Request(seeded, caller);
        if (Callers[caller] is { } user)
        {
            request.As(user);
        }

        var before = await StoreSnapshot.TakeAsync(api.StoreConnectionString, Ct);
        using var response = await client.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        var after = await StoreSnapshot.TakeAsync(api.StoreConnectionString, Ct);

        var status = expected switch
        {
            Outcome.Unauthorized => HttpStatusCode.Unauthorized,
            Outcome.Forbidden => HttpStatusCode.Forbidden,
            Outcome.NotFound => HttpStatusCode.NotFound,
            _ => HttpStatusCode.OK,
        };
        Assert.True(status == response.StatusCode, $"{endpoint} as {caller}: expected {(int)status}, got {(int)response.StatusCode} {body}");
        Assert.DoesNotContain(seeded.Phone[4..], body, StringComparison.Ordinal);
        if (expected == Outcome.Allowed)
        {
            await row.Allowed(seeded, caller, store, body);
            return;
        }

        // Nothing of the referral leaks through a refusal, and nothing stored has changed.
        Assert.DoesNotContain(seeded.ReferralId.ToString(), body, StringComparison.Ordinal);
        Assert.Equal(before, after);
    }

    [Fact]
    public void Every_endpoint_has_a_row()
    {
        var endpoints = MappedEndpoints.Of(api.Services);
        var rows = Rows.Select(r => $"{r.Method} {r.Route}").ToHashSet();

        var withoutRow = endpoints.Select(e => e.Key).Except(rows).Except(PlatformEndpoints).ToList();
        Assert.Empty(withoutRow);
        Assert.Empty(rows.Except(endpoints.Select(e => e.Key)));
        // Anonymous exactly where the matrix lets anonymous callers through (the status page, Kannel's callbacks).
        var anonymousRows = Rows.Where(r => r.Outcomes[Anonymous] != Outcome.Unauthorized || r.Outcomes[Kannel] == Outcome.Allowed)
            .Select(r => $"{r.Method} {r.Route}").Order();
        Assert.Equal(anonymousRows, endpoints.Where(e => e.Anonymous && rows.Contains(e.Key)).Select(e => e.Key).Order());
        Assert.All(Rows, r => Assert.Equal(Callers.Keys.Order(), r.Outcomes.Keys.Order()));
        Assert.All(Rows, r => Assert.Contains(Outcome.Allowed, r.Outcomes.Values));
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/openapi/v1.json")]
    public async Task The_platform_endpoints_answer_without_a_token(string url)
    {
        using var client = api.CreateClient();

        using var response = await client.GetAsync(Url(url), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task ListedAsync(Seeded seeded, string caller, INotificationStore store, string body)
    {
        var sms = Assert.Single(JsonDocument.Parse(body).RootElement.EnumerateArray());
        Assert.Equal(seeded.MessageId, sms.GetProperty("id").GetString());
        Assert.Equal(PhoneMaskOf(seeded.Phone), sms.GetProperty("to").GetString());
        await Task.CompletedTask;
    }

    private static async Task PreferenceAsync(Seeded seeded, string caller, INotificationStore store, bool optedOut)
    {
        var contact = (await store.Contacts.FindAsync(seeded.ReferralId.ToString(), Ct))!;
        Assert.Equal(optedOut, contact.OptedOut);
        Assert.Equal(Callers[caller]!.Id, contact.PreferenceChangedBy);
    }

    private static Task StatusPageAsync(Seeded seeded, string caller, INotificationStore store, string body)
    {
        var page = JsonDocument.Parse(body).RootElement;
        Assert.Equal("Waitlisted", page.GetProperty("status").GetString());
        Assert.Equal(["status", "statusLv", "statusEn", "statusRu", "provider"], page.EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain("R-7K3F9Q", body, StringComparison.Ordinal);
        return Task.CompletedTask;
    }

    private static async Task DeliveredAsync(Seeded seeded, string caller, INotificationStore store, string body) =>
        Assert.Equal(SmsState.Delivered, (await store.Messages.FindAsync(seeded.MessageId, Ct))!.State);

    private static async Task StoppedAsync(Seeded seeded, INotificationStore store) =>
        Assert.True((await store.Contacts.FindAsync(seeded.ReferralId.ToString(), Ct))!.OptedOut);

    private static string PhoneMaskOf(string phone) => Referrals.Notification.Api.PhoneMask.Mask(phone);

    private static string Secret(string caller) => caller switch
    {
        Kannel => "&secret=" + SecuredApiFactory.CallbackSecret,
        KannelWrongSecret => "&secret=" + SecuredApiFactory.CallbackSecret[..^1] + "X",
        _ => "",
    };

    private static Uri Url(string url) => new(url, UriKind.Relative);

    private static HttpRequestMessage Get(string url) => new(HttpMethod.Get, Url(url));

    /// <summary>Social workers of the referral's municipality (and, reading, the coordinator of its region).</summary>
    private static Dictionary<string, Outcome> Tenant(bool read) => new()
    {
        [Anonymous] = Outcome.Unauthorized,
        [SocialWorker] = Outcome.Allowed,
        [ForeignSocialWorker] = Outcome.NotFound,
        [Coordinator] = read ? Outcome.Allowed : Outcome.Forbidden,
        [ForeignCoordinator] = read ? Outcome.NotFound : Outcome.Forbidden,
        [ProviderStaff] = Outcome.Forbidden,
        [Administrator] = Outcome.Forbidden,
        [Kannel] = Outcome.Unauthorized,
        [KannelWrongSecret] = Outcome.Unauthorized,
    };

    /// <summary>Anonymous, but only with the callback secret: a user token is no substitute for it.</summary>
    private static Dictionary<string, Outcome> KannelOnly() =>
        Callers.ToDictionary(c => c.Key, c => c.Key == Kannel ? Outcome.Allowed : Outcome.Forbidden);

    private static async Task<Seeded> SeedAsync(INotificationStore store, bool optedOut)
    {
        var now = DateTimeOffset.UtcNow;
        var referralId = Guid.NewGuid();
        var phone = "+3712" + Random.Shared.Next(1000000, 9999999).ToString(CultureInfo.InvariantCulture);
        var contact = new FamilyContactDocument
        {
            Id = FamilyContactDocument.IdFor(referralId),
            ReferralId = referralId,
            MunicipalityCode = "LV-DGV",
            SmsConsent = true,
            Phone = phone,
            Language = "lv",
            ReceivedAt = now,
            StatusToken = StatusLinks.NewToken(),
            LatestSequence = 2,
            LatestRelevantSequence = 2,
            Status = ReferralStatus.Waitlisted,
            OptedOut = optedOut,
            OptedOutAt = optedOut ? now : null,
        };
        var message = SmsMessage.Create(referralId, 2, ReferralStatus.Waitlisted, "lv", phone,
            "Nosūtījums R-7K3F9Q ir iekļauts rindā.", new SmsSize(SmsAlphabet.Ucs2, 37, 1), now);
        message.MoveTo(SmsState.Sent, now, null);
        message.MoveTo(SmsState.Accepted, now, "202: 0: Accepted for delivery");
        // Published long ago, as far as this test knows: no background sweep may change the rows under a cell.
        message.Outbox.Clear();
        Assert.True(await store.Contacts.TryInsertAsync(contact, Ct));
        Assert.True(await store.Messages.TryInsertAsync(message, Ct));
        return new Seeded(referralId, phone, contact.StatusToken, message.Id, message.SmsId);
    }

    private sealed record Seeded(Guid ReferralId, string Phone, string StatusToken, string MessageId, Guid SmsId);

    /// <summary>The service with a Kannel callback secret configured.</summary>
    public sealed class SecuredApiFactory : NotificationApiFactory
    {
        public const string CallbackSecret = "matrix-callback-secret-0123456789abcdef";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Notification:Kannel:CallbackSecret", CallbackSecret);
        }
    }
}
