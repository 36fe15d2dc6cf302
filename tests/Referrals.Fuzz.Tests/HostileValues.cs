using System.Text.Json.Nodes;

namespace Referrals.Fuzz.Tests;

/// <summary>The ammunition: strings, JSON values and raw bodies an attacker or a broken client would send.</summary>
public static class HostileValues
{
    public const int HugeLength = 100 * 1024;

    public static readonly string Huge = new('A', HugeLength);

    /// <summary>Two-byte characters: 100 KB of UTF-16 that is 200 KB of UTF-8, and GSM-7-hostile for the SMS encoder.</summary>
    public static readonly string HugeLatvian = string.Concat(Enumerable.Repeat("Āžēļņš", HugeLength / 6));

    public static readonly string[] Strings =
    [
        "' OR 1=1 --",
        "'; DROP TABLE documents; --",
        "\" OR \"\"=\"",
        "1; SELECT * FROM sqlite_master",
        "{\"$gt\":\"\"}",
        "{\"$where\":\"sleep(5000)\"}",
        "$ne",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "../../etc/passwd",
        "..\\..\\windows\\win.ini",
        "%00",
        "a\0b",
        "\u202Eevil\u202C",
        "\u200B\u200C\u200D\uFEFF",
        "👨‍👩‍👧‍👦🔥💩",
        "${jndi:ldap://127.0.0.1/a}",
        "{{7*7}}",
        "%s%s%s%n",
        "\r\nSet-Cookie: x=1",
        "-1",
        "0",
        "99999999999999999999999999",
        "NaN",
        "null",
        "",
        "   ",
        "LV-DGV' OR '1'='1",
        "lv-dgv\u0000",
        "ЛВ-ДГВ",
        Huge,
        HugeLatvian,
    ];

    /// <summary>Words no enum or vocabulary here knows, including near misses (case, whitespace, numbers).</summary>
    public static readonly string[] UnknownEnumValues =
    [
        "NotAValue", "submitted ", "SUBMITTED", "Placed\u200B", "1", "-7", "999", "0x1", "Matching,Placed", "nocapacity", "Other ", "LV-ZZZ", "home_care", "",
    ];

    public static JsonNode? WrongType(Random random) => random.Next(12) switch
    {
        0 => JsonValue.Create(12345),
        1 => JsonValue.Create(-1),
        2 => JsonValue.Create(1.5e300),
        3 => JsonValue.Create(true),
        4 => new JsonArray(),
        5 => new JsonArray(JsonValue.Create("a"), JsonValue.Create(1), null),
        6 => new JsonObject(),
        7 => new JsonObject { ["$gt"] = "" },
        8 => new JsonObject { ["$where"] = "1 == 1", ["__proto__"] = new JsonObject { ["admin"] = true } },
        9 => JsonValue.Create(long.MaxValue),
        10 => JsonValue.Create(false),
        _ => JsonValue.Create(0),
    };

    public static string AnyString(Random random) => Strings[random.Next(Strings.Length)];

    public static string SmallString(Random random)
    {
        string value;
        do
        {
            value = AnyString(random);
        }
        while (value.Length > 200);
        return value;
    }

    public static JsonArray HugeArray(Random random)
    {
        var array = new JsonArray();
        var count = random.Next(2) == 0 ? 100_000 : 20_000;
        for (var i = 0; i < count; i++)
        {
            array.Add(random.Next(2) == 0 ? JsonValue.Create(i) : JsonValue.Create("application"));
        }

        return array;
    }

    /// <summary>Arrays or objects nested <paramref name="depth"/> deep (System.Text.Json stops at 64 by default).</summary>
    public static string DeepJson(int depth, bool objects) =>
        objects
            ? string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)
            : new string('[', depth) + "1" + new string(']', depth);
}
