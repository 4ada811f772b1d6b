using Microsoft.Extensions.Logging;

namespace ClipHost.Abstractions.DataFilters;

/// <summary>What a filter runs with.</summary>
/// <param name="Seed">Seed for filters with randomness (random subsets).</param>
/// <param name="Logger">Logger for progress and decisions.</param>
/// <param name="Teachers">Resolves a teacher checkpoint (a run id or path) to a scorer; throws with a clear message when it does not exist.</param>
/// <param name="Services">Engine services a filter may ask for (e.g. a score cache); new ones appear here without changing this contract.</param>
public sealed record FilterContext(long Seed, ILogger Logger, Func<string, IPairScorer> Teachers, IServiceProvider Services);
