using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;

namespace HosVessel.Tests.Faults;

/// <summary>Reads what the app stored straight from its SQLite file, the way an operator would check it.</summary>
public static class StoredData
{
    /// <summary>Row counts and a hash of every column of the register and the voyages.</summary>
    public static async Task<string> FingerprintAsync(string databasePath)
    {
        await using var connection = Open(databasePath);
        var fingerprint = new StringBuilder();
        foreach (var table in new[] { "vessels", "voyages" })
        {
            var rows = (await connection.QueryAsync($"SELECT * FROM {table} ORDER BY id"))
                .Cast<IDictionary<string, object?>>()
                .Select(row => string.Join('\u001f', row.Select(column => $"{column.Key}={column.Value}")))
                .ToList();
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', rows))));
            fingerprint.Append($"{table}: {rows.Count} rows, {hash[..16]}; ");
        }
        return fingerprint.ToString();
    }

    public static async Task<List<(string Name, string? VoyNo)>> VoyagesAsync(string databasePath)
    {
        await using var connection = Open(databasePath);
        return [.. await connection.QueryAsync<(string, string?)>("SELECT vessel_name, voy_no FROM voyages ORDER BY vessel_name")];
    }

    public static async Task<List<(string Name, string Imo)>> VesselsAsync(string databasePath)
    {
        await using var connection = Open(databasePath);
        return [.. await connection.QueryAsync<(string, string)>("SELECT name, imo_no FROM vessels ORDER BY imo_no")];
    }

    private static SqliteConnection Open(string databasePath)
    {
        var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False;Default Timeout=30");
        connection.Open();
        return connection;
    }
}
