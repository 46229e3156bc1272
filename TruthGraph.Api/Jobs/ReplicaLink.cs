using System.Threading.Channels;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Npgsql;
using TruthGraph.Api.Ingestion;
using TruthGraph.Api.Performance;

namespace TruthGraph.Api.Jobs;

/// <summary>
/// What API replicas tell each other, through PostgreSQL (LISTEN/NOTIFY), so that any replica can serve any job:
/// a job was queued (wake the workers), cancel a job (whichever replica runs it), a performance job's progress (so that its
/// events stream, and GET shows progress, through every replica). One connection per process listens, and holds this
/// process's runner lock (<see cref="JobRunner"/>) for as long as it is open. Messages are best effort: polling and the
/// stored rows remain the fallback, so a lost one only delays.
/// </summary>
public sealed partial class ReplicaLink : BackgroundService
{
    private const string QueuedChannel = "truthgraph_job_queued";
    private const string CancelChannel = "truthgraph_job_cancel";
    private const string ProgressChannel = "truthgraph_perf_event";

    /// <summary>PostgreSQL refuses a NOTIFY payload from 8000 bytes; an event's optional data is left out above this.</summary>
    private const int MaxPayloadChars = 7000;

    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(1);

    private readonly NpgsqlDataSource _dataSource;
    private readonly DatabaseMigrationService _migrations;
    private readonly JobRunner _runner;
    private readonly PerfJobEvents _events;
    private readonly PerfJobControl _control;
    private readonly IngestionSignal _ingestion;
    private readonly ApiPeers _peers;
    private readonly IServiceProvider _services;
    private readonly ILogger<ReplicaLink> _logger;
    // One sender, in order: a job's final event never overtakes its progress.
    private readonly Channel<(string Channel, string Payload)> _outbox = Channel.CreateBounded<(string, string)>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest });

    public ReplicaLink(NpgsqlDataSource dataSource, DatabaseMigrationService migrations, JobRunner runner, PerfJobEvents events,
        PerfJobControl control, IngestionSignal ingestion, ApiPeers peers, IServiceProvider services, ILogger<ReplicaLink> logger)
    {
        (_dataSource, _migrations, _runner, _events, _control, _ingestion, _logger) = (dataSource, migrations, runner, events, control, ingestion, logger);
        (_peers, _services) = (peers, services);
        ingestion.Queued += () => Post(QueuedChannel, Message(new QueuedMessage(_runner.Id, "ingestion")));
        control.Queued += () => Post(QueuedChannel, Message(new QueuedMessage(_runner.Id, "perf")));
        control.CancelRequested += id => Post(CancelChannel, Message(new CancelMessage(_runner.Id, id)));
        events.Sent += (value, isFinal) => Post(ProgressChannel, ProgressPayload(value, isFinal));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await _migrations.Completion.WaitAsync(stoppingToken);
        var sender = SendAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogListenFailed(ex.Message);
                await Task.Delay(Reconnect, stoppingToken);
            }
        }
        await sender;
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        // Not from the pool's reuse: this connection lives as long as the process, and so does the lock it holds.
        await using var connection = await _dataSource.OpenConnectionAsync(stoppingToken);
        connection.Notification += (_, e) => Deliver(e.Channel, e.Payload);
        await using (var command = new NpgsqlCommand(
            $"SELECT pg_advisory_lock({JobRunner.LockSpace}, {_runner.Id}); LISTEN {QueuedChannel}; LISTEN {CancelChannel}; LISTEN {ProgressChannel};",
            connection))
        {
            await command.ExecuteNonQueryAsync(stoppingToken);
        }
        _runner.MarkRegistered();
        // Whatever was said while this replica was not listening is lost: wake the workers to look for themselves.
        _ingestion.Wake();
        _control.Wake();
        await RegisterAddressAsync(stoppingToken);
        while (true)
        {
            await connection.WaitAsync(stoppingToken);
        }
    }

    /// <summary>Records where this replica answers (once its server listens), for the others to ask it for trace spans.</summary>
    private async Task RegisterAddressAsync(CancellationToken stoppingToken)
    {
        if (_services.GetService<IServer>() is not { } server || _services.GetService<IHostApplicationLifetime>() is not { } lifetime)
        {
            return;
        }
        if (!lifetime.ApplicationStarted.IsCancellationRequested)
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            {
                await started.Task.WaitAsync(stoppingToken);
            }
        }
        if (server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() is { } address
            && Uri.TryCreate(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
                .Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var url))
        {
            await _peers.RegisterAsync(url, stoppingToken);
        }
    }

    private void Deliver(string channel, string payload)
    {
        try
        {
            switch (channel)
            {
                case QueuedChannel when JsonSerializer.Deserialize<QueuedMessage>(payload, PerfJobRepository.Json) is { } queued && queued.From != _runner.Id:
                    (queued.Queue == "ingestion" ? (Action)_ingestion.Wake : _control.Wake)();
                    break;
                case CancelChannel when JsonSerializer.Deserialize<CancelMessage>(payload, PerfJobRepository.Json) is { } cancel && cancel.From != _runner.Id:
                    _control.CancelIfRunning(cancel.JobId);
                    break;
                case ProgressChannel when JsonSerializer.Deserialize<ProgressMessage>(payload, PerfJobRepository.Json) is { } progress && progress.From != _runner.Id:
                    _events.Receive(progress.Event, progress.IsFinal);
                    break;
            }
        }
        catch (JsonException ex)
        {
            LogUnreadable(channel, ex.Message);
        }
    }

    private void Post(string channel, string payload) => _outbox.Writer.TryWrite((channel, payload));

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (channel, payload) in _outbox.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var command = _dataSource.CreateCommand("SELECT pg_notify(@channel, @payload)");
                    command.Parameters.AddWithValue("channel", channel);
                    command.Parameters.AddWithValue("payload", payload);
                    await command.ExecuteNonQueryAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
                {
                    LogSendFailed(channel, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private string ProgressPayload(PerfEvent value, bool isFinal)
    {
        var payload = Message(new ProgressMessage(_runner.Id, value, isFinal));
        return payload.Length <= MaxPayloadChars ? payload : Message(new ProgressMessage(_runner.Id, value with { Data = null }, isFinal));
    }

    private static string Message<T>(T message) => JsonSerializer.Serialize(message, PerfJobRepository.Json);

    private sealed record QueuedMessage(int From, string Queue);

    private sealed record CancelMessage(int From, Guid JobId);

    private sealed record ProgressMessage(int From, PerfEvent Event, bool IsFinal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replica link lost ({Reason}); listening again shortly")]
    private partial void LogListenFailed(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the other replicas on {Channel}: {Reason}")]
    private partial void LogSendFailed(string channel, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unreadable message on {Channel}: {Reason}")]
    private partial void LogUnreadable(string channel, string reason);
}
