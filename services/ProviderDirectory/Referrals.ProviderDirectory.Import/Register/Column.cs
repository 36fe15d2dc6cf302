namespace Referrals.ProviderDirectory.Import.Register;

/// <summary>The 8 columns of the register table, in reading order.</summary>
internal enum Column
{
    Name,
    Kind,
    Address,
    ProviderType,
    Clients,
    ClientGroups,
    LegalStatus,
    Contacts,
}

/// <summary>The tokens of one table row, per column, in source order (pre-break part first).</summary>
internal sealed class RowCells
{
    public List<Token>[] Cells { get; } = Enumerable.Range(0, 8).Select(_ => new List<Token>()).ToArray();

    public List<Token> this[Column c] => Cells[(int)c];

    public int FirstLine => Cells.SelectMany(c => c).Min(t => t.Line);

    public int LastLine => Cells.SelectMany(c => c).Max(t => t.Line);

    public string Text(Column c) => Import.Text.Join(this[c].Select(t => t.Text));
}
