namespace Appliance.Telephony.Internal;

/// <summary>
/// Runs task continuations on the media loop. Combinators like WhenAny would otherwise finish on the thread pool,
/// so a flow's progress would depend on thread timing instead of the clock, and tests could not step it.
/// </summary>
internal sealed class MediaLoopTaskScheduler(MediaLoopSynchronizationContext context) : TaskScheduler
{
    protected override void QueueTask(Task task) => context.Post(_ => TryExecuteTask(task), null);

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        SynchronizationContext.Current == context && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => [];
}
