using System.Reflection;
using Referrals.ProviderDirectory.Import.Register;

namespace Referrals.ProviderDirectory.Import.Tests;

public sealed class ZzDebug(ITestOutputHelper output)
{
    [Fact]
    public void Dump()
    {
        var lines = File.ReadAllLines("/tmp/mini.txt");
        var section = RegisterText.Sections(lines).Single();
        var seg = new RowSegmenter(section.Tokens);
        var m = typeof(RowSegmenter).GetMethod("SpanCost", BindingFlags.NonPublic | BindingFlags.Instance)!;
        var i = section.Tokens.ToList().FindIndex(t => t.Text == "Visu" && t.Line == 166);
        for (var j = i + 1; j <= i + 8; j++)
        {
            foreach (var c in new[] { Column.Clients, Column.ClientGroups })
            {
                output.WriteLine($"{c} {i}-{j} «{string.Join(' ', section.Tokens.Skip(i).Take(j - i).Select(t => t.Text))}» = {m.Invoke(seg, [c, i, j, false])}");
            }
        }
    }
}
