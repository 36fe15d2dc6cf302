using System.Globalization;
using System.Text;

namespace Referrals.Benchmarks.Harness;

/// <summary>
/// The results as markdown: echoed to stdout as they are produced (so the run can be pasted into docs/benchmarks.md) and
/// optionally saved to a file. Progress chatter goes to stderr and never into the markdown.
/// </summary>
public sealed class Report
{
    private readonly StringBuilder _markdown = new();

    public static void Progress(string message) =>
        Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");

    public void Heading(int level, string text)
    {
        Line();
        Line($"{new string('#', level)} {text}");
        Line();
    }

    public void Line(string text = "")
    {
        _markdown.AppendLine(text);
        Console.Out.WriteLine(text);
        Console.Out.Flush();
    }

    /// <summary>A line of prose followed by a blank line, so consecutive paragraphs do not run together in markdown.</summary>
    public void Paragraph(string text)
    {
        Line(text);
        Line();
    }

    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        Line();
        Line("| " + string.Join(" | ", headers) + " |");
        Line("|" + string.Concat(headers.Select(h => " ---: |")));
        foreach (var row in rows)
        {
            Line("| " + string.Join(" | ", row) + " |");
        }

        Line();
    }

    public async Task SaveAsync(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        await File.WriteAllTextAsync(path, _markdown.ToString());
    }

    public static string Number(double value, int decimals = 0) => value.ToString($"N{decimals}", CultureInfo.InvariantCulture);

    public static string Milliseconds(double value) => value.ToString("0.000", CultureInfo.InvariantCulture) + " ms";

    public static string Verdict(bool met) => met ? "**met**" : "**missed**";
}
