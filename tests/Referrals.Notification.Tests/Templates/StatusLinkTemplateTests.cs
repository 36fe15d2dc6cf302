using Referrals.Contracts.Intake;
using Referrals.Notification.Templates;
using Xunit;

namespace Referrals.Notification.Tests.Templates;

public sealed class StatusLinkTemplateTests
{
    // The longest base URL the options allow, and a realistic long provider name with Latvian letters.
    private static readonly string Link = "https://statuss.example.lv/sms/" + "AbCdEfGhIjKlMnOpQrStUv";
    private const string LongProvider = "Biedrība \"Latgales reģionālais sociālās rehabilitācijas un aprūpes centrs\"";

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

    [Fact]
    public void The_test_link_is_as_long_as_the_options_allow()
    {
        Assert.Equal(StatusLinks.MaxBaseUrlLength + 1 + 22, Link.Length);
    }

    [Theory]
    [MemberData(nameof(EveryTemplate))]
    public void Every_template_with_its_status_link_fits_two_parts(string language, SmsTemplate template)
    {
        var sms = SmsText.Render(language, template, "R-ZZZZZZ", LongProvider, "+37165412345", 1234, Link);

        Assert.InRange(sms.Size.Segments, 1, SmsText.MaxSegments);
        Assert.EndsWith(" " + Link, sms.Text, StringComparison.Ordinal);
        Assert.Contains("R-ZZZZZZ", sms.Text, StringComparison.Ordinal);
        if (template == SmsTemplate.Placed)
        {
            Assert.Contains("+37165412345", sms.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_text_that_fits_keeps_its_pointer_to_the_social_service_and_gains_the_link()
    {
        var sms = SmsText.Render("en", SmsTemplate.Submitted, "R-7K3F9Q", statusLink: Link);

        Assert.Equal(
            "Your referral R-7K3F9Q for a social service has been registered. For details, please contact your social service. " + Link,
            sms.Text);
    }

    [Fact]
    public void A_Latvian_text_that_would_not_fit_gives_its_pointer_up_for_the_link()
    {
        var sms = SmsText.Render("lv", SmsTemplate.NeedsInformation, "R-7K3F9Q", statusLink: Link);

        Assert.Equal("Nosūtījuma R-7K3F9Q izskatīšanai vajadzīga papildu informācija. " + Link, sms.Text);
        Assert.Equal(2, sms.Size.Segments);
    }

    [Theory]
    [InlineData(ReferralStatus.Rejected)]
    [InlineData(ReferralStatus.Withdrawn)]
    [InlineData(ReferralStatus.Closed)]
    public void A_final_status_gets_no_link_because_the_page_is_closed(ReferralStatus status)
    {
        var change = new ReferralStatusChanged(Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UnixEpoch, null, 3,
            ReferralStatus.Matching, status, "R-7K3F9Q", "day-care-centre", null, null, null);

        Assert.DoesNotContain("https://", SmsText.For(change, "lv", Link)!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Tokens_carry_128_random_bits_in_22_URL_safe_characters()
    {
        var tokens = Enumerable.Range(0, 200).Select(_ => StatusLinks.NewToken()).ToList();

        Assert.All(tokens, t => Assert.Matches("^[A-Za-z0-9_-]{22}$", t));
        Assert.Equal(tokens.Count, tokens.Distinct(StringComparer.Ordinal).Count());
    }
}
