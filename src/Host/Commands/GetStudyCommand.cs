using ClipHost.Host.Studies;

namespace ClipHost.Host.Commands;

/// <summary>A study's state: each cell with its run's status and progress (the API's GET, `study status`, the dashboard).</summary>
public sealed record GetStudyCommand(string Name) : ICommand<StudyStatus>;

/// <summary>Stop a study: cancel every cell's run that is still queued or running (finished cells keep their results).</summary>
public sealed record CancelStudyCommand(string Name) : ICommand<StudyStatus>;
