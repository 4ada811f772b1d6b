using Npgsql;

namespace ClipHost.Host.Tests.Service;

/// <summary>
/// A database of its own on the machine's PostgreSQL (Debian `postgresql`, started by scripts/test.sh), reached over
/// the local socket as the current OS user; dropped afterwards.
/// </summary>
public sealed class Postgres : IAsyncDisposable
{
    private readonly string _admin;

    private Postgres(string admin, string database)
    {
        _admin = admin;
        Database = database;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database, Pooling = true }.ConnectionString;
    }

    public string Database { get; }

    public string ConnectionString { get; }

    public static async Task<Postgres> CreateAsync()
    {
        var admin = $"Host=/var/run/postgresql;Username={Environment.UserName};Database=postgres;Pooling=false";
        var database = "cliphost_test_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException)
        {
            throw new InvalidOperationException($"PostgreSQL is not reachable at /var/run/postgresql as role '{Environment.UserName}': run scripts/test.sh, which installs and starts it ({e.Message})", e);
        }
        return new Postgres(admin, database);
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync(CancellationToken.None);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Database} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync(CancellationToken.None);
    }
}
