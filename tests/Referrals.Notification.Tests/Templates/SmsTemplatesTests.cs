using Referrals.Contracts.Intake;
using Referrals.Notification.Encoding;
using Referrals.Notification.Templates;
using Xunit;

namespace Referrals.Notification.Tests.Templates;

public sealed class SmsTemplatesTests
{
    private const string Code = "R-7K3F9Q";
    private const string Provider = "Daugavpils dienas aprūpes centrs";
    private const string Phone = "+37165400000";
    private const string LongProvider = "Biedrība \"Latgales reģionālais sociālās rehabilitācijas un aprūpes centrs\"";

    public static TheoryData<string, SmsTemplate, string> Expected => new()
    {
        { "lv", SmsTemplate.Submitted, "Nosūtījums R-7K3F9Q sociālā pakalpojuma saņemšanai ir reģistrēts. Sīkāk — sociālajā dienestā." },
        { "lv", SmsTemplate.NeedsInformation, "Nosūtījuma R-7K3F9Q izskatīšanai vajadzīga papildu informācija. Lūdzu, sazinieties ar sociālo dienestu." },
        { "lv", SmsTemplate.Rejected, "Diemžēl nosūtījumu R-7K3F9Q pašlaik nevar virzīt tālāk. Sīkāk — sociālajā dienestā." },
        { "lv", SmsTemplate.Waitlisted, "Nosūtījums R-7K3F9Q ir iekļauts pakalpojuma rindā. Pašreizējā vieta rindā: 3. Sīkāk — sociālajā dienestā." },
        { "lv", SmsTemplate.WaitlistedWithoutPosition, "Nosūtījums R-7K3F9Q ir iekļauts pakalpojuma rindā. Sīkāk — sociālajā dienestā." },
        { "lv", SmsTemplate.Placed, "Nosūtījums R-7K3F9Q: vieta piešķirta — Daugavpils dienas aprūpes centrs, tālr. +37165400000. Sīkāk — sociālajā dienestā." },
        { "lv", SmsTemplate.PlacedWithoutPhone, "Nosūtījums R-7K3F9Q: vieta piešķirta — Daugavpils dienas aprūpes centrs. Sīkāk — sociālajā dienestā." },
        { "lv", SmsTemplate.PlacedWithoutProvider, "Nosūtījums R-7K3F9Q: vieta piešķirta. Sīkāk — sociālajā dienestā." },
        { "lv", SmsTemplate.Withdrawn, "Nosūtījums R-7K3F9Q ir atsaukts. Sīkāk — sociālajā dienestā." },
        { "lv", SmsTemplate.Closed, "Pakalpojuma sniegšana pēc nosūtījuma R-7K3F9Q ir noslēgta. Sīkāk — sociālajā dienestā." },
        { "ru", SmsTemplate.Submitted, "Направление R-7K3F9Q на социальную услугу зарегистрировано. Подробнее — в социальной службе." },
        { "ru", SmsTemplate.NeedsInformation, "Для рассмотрения направления R-7K3F9Q нужны дополнительные сведения. Пожалуйста, свяжитесь с социальной службой." },
        { "ru", SmsTemplate.Rejected, "К сожалению, работа по направлению R-7K3F9Q сейчас не может быть продолжена. Подробнее — в социальной службе." },
        { "ru", SmsTemplate.Waitlisted, "Направление R-7K3F9Q включено в очередь на услугу. Ваше место в очереди: 3. Подробнее — в социальной службе." },
        { "ru", SmsTemplate.WaitlistedWithoutPosition, "Направление R-7K3F9Q включено в очередь на услугу. Подробнее — в социальной службе." },
        { "ru", SmsTemplate.Placed, "Направление R-7K3F9Q: место предоставлено — Daugavpils dienas aprūpes centrs, тел. +37165400000. Подробнее — в социальной службе." },
        { "ru", SmsTemplate.PlacedWithoutPhone, "Направление R-7K3F9Q: место предоставлено — Daugavpils dienas aprūpes centrs. Подробнее — в социальной службе." },
        { "ru", SmsTemplate.PlacedWithoutProvider, "Направление R-7K3F9Q: место предоставлено. Подробнее — в социальной службе." },
        { "ru", SmsTemplate.Withdrawn, "Направление R-7K3F9Q отозвано. Подробнее — в социальной службе." },
        { "ru", SmsTemplate.Closed, "Предоставление услуги по направлению R-7K3F9Q завершено. Подробнее — в социальной службе." },
        { "en", SmsTemplate.Submitted, "Your referral R-7K3F9Q for a social service has been registered. For details, please contact your social service." },
        { "en", SmsTemplate.NeedsInformation, "Referral R-7K3F9Q: more information is needed to proceed. Please contact your social service." },
        { "en", SmsTemplate.Rejected, "We are sorry: referral R-7K3F9Q cannot proceed at this time. For details, please contact your social service." },
        { "en", SmsTemplate.Waitlisted, "Referral R-7K3F9Q is on the waiting list for the service. Your current position: 3. For details, please contact your social service." },
        { "en", SmsTemplate.WaitlistedWithoutPosition, "Referral R-7K3F9Q is on the waiting list for the service. For details, please contact your social service." },
        { "en", SmsTemplate.Placed, "Referral R-7K3F9Q: place confirmed at Daugavpils dienas aprūpes centrs, tel. +37165400000. For details, contact your social service." },
        { "en", SmsTemplate.PlacedWithoutPhone, "Referral R-7K3F9Q: a place is confirmed at Daugavpils dienas aprūpes centrs. For details, please contact your social service." },
        { "en", SmsTemplate.PlacedWithoutProvider, "Referral R-7K3F9Q: a place has been confirmed. For details, please contact your social service." },
        { "en", SmsTemplate.Withdrawn, "Referral R-7K3F9Q has been withdrawn. For details, please contact your social service." },
        { "en", SmsTemplate.Closed, "Referral R-7K3F9Q is closed: the service has ended. For details, please contact your social service." },
    };

    public static TheoryData<string, SmsTemplate> EveryTemplate
    {
        get
        {
            var data = new TheoryData<string, SmsTemplate>();
            foreach (var language in SmsTemplates.Languages)
            {
                foreach (var template in Enum.GetValues<SmsTemplate>())
                {
                    data.Add(language, template);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Expected))]
    public void Each_template_reads_exactly_as_agreed(string language, SmsTemplate template, string expected)
    {
        var sms = SmsText.Render(language, template, Code, Provider, Phone, 3);

        Assert.Equal(expected, sms.Text);
        Assert.Equal(language, sms.Language);
    }

    [Fact]
    public void Every_template_of_every_language_has_an_agreed_text()
    {
        Assert.Equal(SmsTemplates.Languages.Count * Enum.GetValues<SmsTemplate>().Length, Expected.Count);
    }

    [Theory]
    [MemberData(nameof(EveryTemplate))]
    public void Every_template_fits_two_parts_even_with_a_long_provider_name(string language, SmsTemplate template)
    {
        var sms = SmsText.Render(language, template, "R-ZZZZZZ", LongProvider, "+37165412345", 1234);

        Assert.InRange(sms.Size.Segments, 1, SmsText.MaxSegments);
        Assert.Contains("R-ZZZZZZ", sms.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("{", sms.Text, StringComparison.Ordinal);
        if (template == SmsTemplate.Placed)
        {
            Assert.Contains("+37165412345", sms.Text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("lv")]
    [InlineData("ru")]
    [InlineData("en")]
    public void A_too_long_provider_name_is_shortened_but_the_phone_is_kept(string language)
    {
        var name = LongProvider + " " + LongProvider;

        var sms = SmsText.Render(language, SmsTemplate.Placed, Code, name, Phone);

        Assert.Equal(2, sms.Size.Segments);
        Assert.Contains("Biedrība \"Latgales", sms.Text, StringComparison.Ordinal);
        Assert.Contains("…", sms.Text, StringComparison.Ordinal);
        Assert.Contains(Phone, sms.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void English_texts_without_Latvian_names_go_as_GSM7()
    {
        var sms = SmsText.Render("en", SmsTemplate.Withdrawn, Code);

        Assert.Equal(SmsAlphabet.Gsm7, sms.Size.Alphabet);
        Assert.Equal(1, sms.Size.Segments);
    }

    [Theory]
    [InlineData(null, "lv")]
    [InlineData("", "lv")]
    [InlineData("de", "lv")]
    [InlineData("RU", "ru")]
    [InlineData(" en ", "en")]
    public void The_family_language_chooses_the_texts_and_Latvian_is_the_default(string? language, string expected)
    {
        Assert.Equal(expected, SmsText.Render(language, SmsTemplate.Withdrawn, Code).Language);
    }

    [Theory]
    [InlineData(ReferralStatus.Submitted, true)]
    [InlineData(ReferralStatus.NeedsInformation, true)]
    [InlineData(ReferralStatus.Rejected, true)]
    [InlineData(ReferralStatus.Waitlisted, true)]
    [InlineData(ReferralStatus.Placed, true)]
    [InlineData(ReferralStatus.Withdrawn, true)]
    [InlineData(ReferralStatus.Closed, true)]
    [InlineData(ReferralStatus.Matching, false)]
    [InlineData(ReferralStatus.Offered, false)]
    public void Only_family_relevant_statuses_get_a_text(ReferralStatus status, bool relevant)
    {
        Assert.Equal(relevant, SmsText.IsFamilyRelevant(status));
    }

    [Fact]
    public void A_status_change_picks_its_variant_from_the_facts_it_carries()
    {
        var placed = Change(ReferralStatus.Placed, new ProviderContact("org-1", Provider, null), null);
        var waitlisted = Change(ReferralStatus.Waitlisted, null, 7);

        Assert.Equal(
            "Nosūtījums R-7K3F9Q: vieta piešķirta — Daugavpils dienas aprūpes centrs. Sīkāk — sociālajā dienestā.",
            SmsText.For(placed, "lv")!.Text);
        Assert.Equal(
            "Referral R-7K3F9Q is on the waiting list for the service. Your current position: 7. For details, please contact your social service.",
            SmsText.For(waitlisted, "en")!.Text);
        Assert.Null(SmsText.For(Change(ReferralStatus.Offered, null, null), "lv"));
    }

    private static ReferralStatusChanged Change(ReferralStatus to, ProviderContact? provider, int? position) =>
        new(Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UnixEpoch, null, 4, ReferralStatus.Matching, to, Code,
            "day-care-centre", null, provider, position);
}
