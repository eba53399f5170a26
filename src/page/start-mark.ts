/**
 * The content script's first statement, imported before anything else: the
 * browser injects it at document_idle, so this mark is where a scan's time
 * starts counting, script start-up included (the benchmark reads it).
 */
performance.mark('crosscheck:inject');
