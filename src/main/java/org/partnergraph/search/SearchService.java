package org.partnergraph.search;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.common.BadUserInputException;
import org.partnergraph.common.Sizes;

@ApplicationScoped
public class SearchService {

    static final int MAX_FIRST = 50;
    static final int MAX_TEXT_LENGTH = 100;

    private final SearchRepository repository;

    SearchService(SearchRepository repository) {
        this.repository = repository;
    }

    public List<SearchHit> search(String text, int first) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new BadUserInputException("text: must not be blank.");
        }
        if (trimmed.length() > MAX_TEXT_LENGTH) {
            throw new BadUserInputException("text: at most " + MAX_TEXT_LENGTH + " characters.");
        }
        return repository.search(SearchText.of(trimmed), Sizes.within("first", first, MAX_FIRST));
    }
}
