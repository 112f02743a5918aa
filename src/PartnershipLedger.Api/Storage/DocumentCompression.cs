using Npgsql;

namespace PartnershipLedger.Api.Storage;

/// <summary>
/// How PostgreSQL compresses the large values the app writes (a partnership's maturity document, its timeline and its
/// decision state are 9 to 15 kB each at three years of history, and are TOASTed). PostgreSQL's default, pglz, is slow to compress: at a million events it took a third of the database's
/// time in a rebuild. lz4 (PostgreSQL 14 and later, built with lz4 as Debian's is) compresses several times faster and
/// decompresses faster on every read. The setting travels with each connection the app opens
/// (<c>-c default_toast_compression=…</c>), so it applies to every value the app writes, whoever created the tables.
/// </summary>
public static class DocumentCompression
{
    public const string SettingName = "Ledger:DocumentCompression";
    public const string Default = "lz4";

    /// <summary>
    /// <paramref name="connectionString"/> with <paramref name="method"/> as the connection's default TOAST
    /// compression; unchanged for an empty method (the server's own default) or when the connection string sets it.
    /// </summary>
    public static string Apply(string connectionString, string? method)
    {
        if (string.IsNullOrWhiteSpace(method)) return connectionString;
        if (method is not ("lz4" or "pglz"))
            throw new InvalidOperationException($"{SettingName} must be lz4, pglz or empty (the server's default), not '{method}'.");
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("default_toast_compression", StringComparison.Ordinal) == true) return connectionString;
        builder.Options = $"{builder.Options} -c default_toast_compression={method}".Trim();
        return builder.ConnectionString;
    }
}
