namespace Referrals.ProviderDirectory.Import.Register;

/// <summary>What separates a token from the one before it; cells usually change at blank lines.</summary>
internal enum Gap
{
    MidLine,
    LineBreak,
    BlankLine,
    PageBreak,
}

internal sealed record Token(string Text, int Line, Gap Before);

internal sealed record Section(int Number, string Name, int Line, IReadOnlyList<Token> Tokens);
