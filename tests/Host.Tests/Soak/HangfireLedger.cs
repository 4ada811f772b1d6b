using Npgsql;

namespace ClipHost.Host.Tests.Soak;

/// <summary>What Hangfire's PostgreSQL tables say about each job: its state now, and how often it entered each state.</summary>
public sealed class HangfireLedger(string connectionString)
{
    /// <summary>One job's history: its state, its Processing and Succeeded entries, and the process that processed it.</summary>
    public sealed record Entry(string Id, string State, int Processing, int Succeeded, int? ProcessId);

    public async Task<IReadOnlyDictionary<string, Entry>> ReadAsync()
    {
        // The ProcessingState's ServerId is "<server name>:<guid>", lower-cased, and every host names its servers
        // "<machine>:<pid>:<queue>", so the second field is the pid of the process that ran the job.
        const string sql = """
            SELECT j.id::text, j.statename,
                   count(*) FILTER (WHERE s.name = 'Processing')::int,
                   count(*) FILTER (WHERE s.name = 'Succeeded')::int,
                   min(split_part((s.data::jsonb) ->> 'ServerId', ':', 2)) FILTER (WHERE s.name = 'Processing')
            FROM hangfire.job j LEFT JOIN hangfire.state s ON s.jobid = j.id
            GROUP BY j.id, j.statename
            """;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            var id = reader.GetString(0);
            int? pid = reader.IsDBNull(4) ? null : int.Parse(reader.GetString(4), System.Globalization.CultureInfo.InvariantCulture);
            entries[id] = new Entry(id, reader.IsDBNull(1) ? "" : reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), pid);
        }
        return entries;
    }
}
