using System.ComponentModel.DataAnnotations;

namespace Referrals.Intake.Store;

/// <summary>
/// <c>ConnectionStrings:IntakeStore</c>: a <c>mongodb://</c> URL naming the database selects MongoDB, anything else
/// is a SQLite connection string (e.g. <c>Data Source=data/intake.db</c>).
/// </summary>
public sealed class IntakeStoreOptions
{
    public const string ConnectionStringName = "IntakeStore";

    [Required(ErrorMessage = "ConnectionStrings:IntakeStore is required (e.g. Data Source=data/intake.db or mongodb://host/intake).")]
    public string ConnectionString { get; set; } = "";
}
