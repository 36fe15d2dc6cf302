using Referrals.Notification.Encoding;
using Xunit;

namespace Referrals.Notification.Tests.Encoding;

public sealed class SmsEncodingTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    [InlineData(459, 3)]
    public void Pure_GSM7_uses_160_single_and_153_per_part(int length, int segments)
    {
        var size = SmsEncoding.Measure(new string('a', length));

        Assert.Equal(new SmsSize(SmsAlphabet.Gsm7, length, segments), size);
    }

    [Fact]
    public void The_whole_basic_table_including_its_accented_letters_stays_GSM7()
    {
        var size = SmsEncoding.Measure("@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!\"#¤%&'()*+,-./:;<=>?¡ÄÖÑÜ§¿äöñüà 09AZaz");

        Assert.Equal(SmsAlphabet.Gsm7, size.Alphabet);
        Assert.Equal(1, size.Segments);
    }

    [Theory]
    [InlineData("€", 2)]
    [InlineData("{}", 4)]
    [InlineData("a[b]c", 7)]
    [InlineData("^~|\\", 8)]
    public void Extension_characters_stay_GSM7_and_cost_two(string text, int units)
    {
        var size = SmsEncoding.Measure(text);

        Assert.Equal(SmsAlphabet.Gsm7, size.Alphabet);
        Assert.Equal(units, size.Units);
    }

    [Fact]
    public void Eighty_euro_signs_fill_one_message_and_eighty_one_need_two()
    {
        Assert.Equal(1, SmsEncoding.Measure(new string('€', 80)).Segments);
        Assert.Equal(2, SmsEncoding.Measure(new string('€', 81)).Segments);
    }

    [Fact]
    public void An_escape_pair_is_never_split_across_parts()
    {
        // 306 units would fit two parts of 153, but the € at units 153–154 must move whole to the second part.
        var size = SmsEncoding.Measure(new string('a', 152) + "€" + new string('a', 152));

        Assert.Equal(306, size.Units);
        Assert.Equal(3, size.Segments);
    }

    [Theory]
    [InlineData("ā")]
    [InlineData("č")]
    [InlineData("ē")]
    [InlineData("ģ")]
    [InlineData("ī")]
    [InlineData("ķ")]
    [InlineData("ļ")]
    [InlineData("ņ")]
    [InlineData("š")]
    [InlineData("ū")]
    [InlineData("ž")]
    [InlineData("Ā")]
    [InlineData("Ž")]
    public void One_Latvian_diacritic_switches_the_whole_text_to_UCS2(string letter)
    {
        var size = SmsEncoding.Measure("Nosutijums R-ABC123 ir registrets " + letter);

        Assert.Equal(SmsAlphabet.Ucs2, size.Alphabet);
    }

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void UCS2_uses_70_single_and_67_per_part(int length, int segments)
    {
        var size = SmsEncoding.Measure(new string('ā', length));

        Assert.Equal(new SmsSize(SmsAlphabet.Ucs2, length, segments), size);
    }

    [Fact]
    public void Cyrillic_is_UCS2()
    {
        var size = SmsEncoding.Measure("Направление зарегистрировано");

        Assert.Equal(new SmsSize(SmsAlphabet.Ucs2, 28, 1), size);
    }

    [Fact]
    public void Latvian_text_without_diacritics_is_GSM7_and_with_them_UCS2()
    {
        // standards.md §6.2: a status message of about a hundred characters is two UCS-2 parts, but one GSM-7 part without diacritics.
        const string with = "Jūsu nosūtījums R-7K3F9Q ir reģistrēts. Par tālāko informēsim ar īsziņu. Sīkāk - sociālajā dienestā.";
        const string without = "Jusu nosutijums R-7K3F9Q ir registrets. Par talako informesim ar iszinu. Sikak - socialaja dienesta.";

        Assert.Equal(new SmsSize(SmsAlphabet.Ucs2, with.Length, 2), SmsEncoding.Measure(with));
        Assert.Equal(new SmsSize(SmsAlphabet.Gsm7, without.Length, 1), SmsEncoding.Measure(without));
    }

    [Fact]
    public void Emoji_are_surrogate_pairs_and_count_two()
    {
        Assert.Equal(new SmsSize(SmsAlphabet.Ucs2, 2, 1), SmsEncoding.Measure("😀"));
        Assert.Equal(new SmsSize(SmsAlphabet.Ucs2, 70, 1), SmsEncoding.Measure(string.Concat(Enumerable.Repeat("😀", 35))));
        Assert.Equal(new SmsSize(SmsAlphabet.Ucs2, 72, 2), SmsEncoding.Measure(string.Concat(Enumerable.Repeat("😀", 36))));
    }

    [Fact]
    public void A_surrogate_pair_is_never_split_across_parts()
    {
        var size = SmsEncoding.Measure(new string('a', 66) + "😀" + new string('a', 66));

        Assert.Equal(134, size.Units);
        Assert.Equal(3, size.Segments);
    }
}
