"""What authors get, derived from the model: the case template, the JSON Schema,
the author guide's field table and the web form with its rules."""
