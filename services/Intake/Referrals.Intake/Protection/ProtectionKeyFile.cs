using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Referrals.Intake.Protection;

/// <summary>
/// The embedded default's keys: where no keys are configured and the store is a SQLite file, a key file is created
/// next to it on first start (owner-only permissions) and read on every later start. Losing the file makes the
/// stored personal codes and phone numbers unreadable, so it belongs in the same backup as the database.
/// </summary>
public static class ProtectionKeyFile
{
    public const string FileName = "intake-keys.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The key file beside the database of <paramref name="sqliteConnectionString"/>; null for an in-memory database.</summary>
    public static string? PathFor(string sqliteConnectionString)
    {
        var source = new SqliteConnectionStringBuilder(sqliteConnectionString).DataSource;
        if (string.IsNullOrWhiteSpace(source) || source.StartsWith(':'))
        {
            return null;
        }

        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(source)) ?? ".", FileName);
    }

    /// <summary>Fills <paramref name="options"/> from the key file, creating it first when it does not exist.</summary>
    public static void LoadOrCreate(IntakeProtectionOptions options, string? path)
    {
        var keys = path is not null && File.Exists(path) ? Read(path) : null;
        if (keys is null)
        {
            keys = Generate();
            if (path is not null)
            {
                Write(path, keys);
            }
        }

        options.Keys = new Dictionary<string, string>(keys.Keys, StringComparer.Ordinal);
        options.CurrentKeyId = keys.CurrentKeyId;
        options.SearchKey = keys.SearchKey;
    }

    private static KeyFile? Read(string path) => JsonSerializer.Deserialize<KeyFile>(File.ReadAllText(path), Json);

    private static KeyFile Generate()
    {
        var id = "k1";
        return new KeyFile(
            id,
            new Dictionary<string, string> { [id] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) },
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
    }

    private static void Write(string path, KeyFile keys)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var stream = new FileStream(path, options);
            JsonSerializer.Serialize(stream, keys, Json);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process (the other half of a two-process start) created it first: theirs is the one to keep.
        }
    }

    private sealed record KeyFile(string CurrentKeyId, Dictionary<string, string> Keys, string SearchKey);
}
