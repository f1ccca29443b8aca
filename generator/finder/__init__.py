"""The finder's index: Pagefind over the core's search documents."""
